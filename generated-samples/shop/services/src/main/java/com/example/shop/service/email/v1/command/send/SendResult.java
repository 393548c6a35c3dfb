package com.example.shop.service.email.v1.command.send;

/**
 * The result of command {@code send} of service email v1.
 */
public record SendResult() {
}
