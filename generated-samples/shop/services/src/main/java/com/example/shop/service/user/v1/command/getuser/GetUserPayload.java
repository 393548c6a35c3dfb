package com.example.shop.service.user.v1.command.getuser;

/**
 * The payload of command {@code getUser} of service user v1: the input it takes.
 *
 * <p>Add components for its fields, with Jakarta Bean Validation constraints such as
 * {@code @NotBlank}; invalid input is answered with 400 before the handler runs.
 */
public record GetUserPayload() {
}
