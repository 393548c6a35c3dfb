package com.example.shop.service.user.v1.command.getuser;

/**
 * The parameter of command {@code getUser} of service user v1: values that come beside the payload,
 * such as HTTP path and query values.
 *
 * <p>Its components are the variables of the HTTP path {@code users/{id}}.
 */
public record GetUserParameter(String id) {
}
