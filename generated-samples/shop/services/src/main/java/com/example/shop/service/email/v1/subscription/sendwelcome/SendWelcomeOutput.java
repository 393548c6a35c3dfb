package com.example.shop.service.email.v1.subscription.sendwelcome;

/**
 * The output of subscription {@code sendWelcome}, emitted as the event {@code email.sent}.
 */
public record SendWelcomeOutput() {
}
