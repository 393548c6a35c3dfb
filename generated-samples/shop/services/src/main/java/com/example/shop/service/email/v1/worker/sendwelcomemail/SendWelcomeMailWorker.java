package com.example.shop.service.email.v1.worker.sendwelcomemail;

import com.example.shop.service.email.v1.queue.welcomemail.WelcomeMailJob;
import dev.purista.core.QueueJobContext;
import dev.purista.core.QueueJobHandler;

/**
 * Works the jobs of queue {@code welcomeMail} in service email v1: Sends one welcome mail.
 *
 * <p>After the queue's last attempt a failing job is dead-lettered; {@code context.retryAfter}
 * and {@code context.moveToDeadLetter} choose the outcome explicitly.
 */
public final class SendWelcomeMailWorker implements QueueJobHandler<WelcomeMailJob> {
  @Override
  public void handle(QueueJobContext context, WelcomeMailJob job) {
    // Business logic goes here. Returning completes the job; a thrown exception fails the
    // attempt, which runs again after a backoff. A job whose worker died runs again too, so
    // make what it does safe to repeat.
  }
}
