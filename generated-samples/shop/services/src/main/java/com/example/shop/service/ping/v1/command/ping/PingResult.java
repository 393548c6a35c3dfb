package com.example.shop.service.ping.v1.command.ping;

/**
 * The result of command {@code ping} of service ping v1.
 */
public record PingResult(String message) {
}
