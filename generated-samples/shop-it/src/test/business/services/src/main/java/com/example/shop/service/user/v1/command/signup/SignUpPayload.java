package com.example.shop.service.user.v1.command.signup;

/**
 * The payload of command {@code signUp} of service user v1: the name of the new user.
 */
public record SignUpPayload(String name) {
}
