package com.example.shop.service.user.v1.command.signup;

/**
 * The payload of command {@code signUp} of service user v1: the input it takes.
 *
 * <p>Add components for its fields, with Jakarta Bean Validation constraints such as
 * {@code @NotBlank}; invalid input is answered with 400 before the handler runs.
 */
public record SignUpPayload() {
}
