package com.example.shop.service.email.v1.command.send;

/**
 * The parameter of command {@code send} of service email v1: values that come beside the payload,
 * such as HTTP path and query values.
 */
public record SendParameter() {
}
