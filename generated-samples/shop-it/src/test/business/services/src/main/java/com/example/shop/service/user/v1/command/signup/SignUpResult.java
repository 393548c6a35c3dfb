package com.example.shop.service.user.v1.command.signup;

/**
 * The result of command {@code signUp} of service user v1, and the payload of the event {@code user.signedUp}.
 * {@code servedBy} is the process id of the instance that handled the command.
 */
public record SignUpResult(String id, String name, long servedBy) {
}
