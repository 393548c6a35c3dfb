package com.example.shop.service.email.v1.queue.welcomemail;

/**
 * A job of queue {@code welcomeMail} of service email v1: Welcome mails to send.
 *
 * <p>Add components for what a worker needs to do the job, with Jakarta Bean Validation constraints
 * such as {@code @NotBlank}; an invalid job is refused when it is enqueued. Jobs wait in the
 * queue as JSON, so keep the record readable by the workers still running when you change it.
 */
public record WelcomeMailJob() {
}
