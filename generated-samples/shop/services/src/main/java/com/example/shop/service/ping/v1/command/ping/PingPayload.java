package com.example.shop.service.ping.v1.command.ping;

/**
 * The payload of command {@code ping} of service ping v1: the input it takes.
 *
 * <p>Add components for its fields, with Jakarta Bean Validation constraints such as
 * {@code @NotBlank}; invalid input is answered with 400 before the handler runs.
 */
public record PingPayload() {
}
