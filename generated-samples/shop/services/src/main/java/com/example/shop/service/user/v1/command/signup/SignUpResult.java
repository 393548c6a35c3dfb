package com.example.shop.service.user.v1.command.signup;

/**
 * The result of command {@code signUp} of service user v1. It is also the payload of the event {@code user.signedUp}.
 */
public record SignUpResult() {
}
