package com.example.shop.service.email.v1.command.send;

/**
 * The payload of command {@code send} of service email v1: the input it takes.
 *
 * <p>Add components for its fields, with Jakarta Bean Validation constraints such as
 * {@code @NotBlank}; invalid input is answered with 400 before the handler runs.
 */
public record SendPayload() {
}
