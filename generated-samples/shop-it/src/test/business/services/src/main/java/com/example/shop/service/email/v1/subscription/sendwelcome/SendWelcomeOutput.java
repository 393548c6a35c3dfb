package com.example.shop.service.email.v1.subscription.sendwelcome;

/**
 * The payload of the event {@code email.sent}: whom the welcome went to, and the process id of the instance that
 * sent it.
 */
public record SendWelcomeOutput(String userId, long sentBy) {
}
