package com.example.shop.service.user.v1.command.signup;

/**
 * The parameter of command {@code signUp} of service user v1: values that come beside the payload,
 * such as HTTP path and query values.
 */
public record SignUpParameter() {
}
