package com.example.shop.service.user.v1.command.getuser;

/**
 * The result of command {@code getUser} of service user v1.
 */
public record GetUserResult(String id, String name) {
}
