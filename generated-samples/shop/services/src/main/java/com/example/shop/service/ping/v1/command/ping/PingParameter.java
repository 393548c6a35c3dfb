package com.example.shop.service.ping.v1.command.ping;

/**
 * The parameter of command {@code ping} of service ping v1: values that come beside the payload,
 * such as HTTP path and query values.
 */
public record PingParameter() {
}
