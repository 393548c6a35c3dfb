package com.example.shop.service.email.v1.worker.sendwelcomemail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.example.shop.service.email.v1.EmailV1Queues;
import com.example.shop.service.email.v1.EmailV1Service;
import com.example.shop.service.email.v1.queue.welcomemail.WelcomeMailJob;
import dev.purista.core.JobState;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.JsonMappers;
import dev.purista.core.queue.memory.DefaultQueueBridge;
import dev.purista.core.queue.spi.NewJob;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SendWelcomeMailWorkerTest {
  private final DefaultQueueBridge queues = new DefaultQueueBridge();

  @Test
  void completesAJob() throws Exception {
    ServiceDefinition onlyThisWorker = ServiceDefinition.builder(EmailV1Service.NAME, EmailV1Service.VERSION)
        .queueWorker(EmailV1Service.SEND_WELCOME_MAIL)
        .build();
    Application application = Application.builder(new DefaultEventBridge())
        .queueBridge(queues)
        .service(onlyThisWorker)
        .build()
        .start();
    try {
      byte[] job = JsonMappers.standard().writeValueAsBytes(new WelcomeMailJob());
      String jobId = queues.enqueue(EmailV1Queues.WELCOME_MAIL.name(), new NewJob(job, null, null, null)).jobId();
      assertEquals(Optional.of(JobState.COMPLETED), awaitOutcome(jobId));
    } finally {
      application.close();
    }
  }

  /**
   * The job's state once the worker is done with it, or has failed an attempt; at most 10 s.
   */
  private Optional<JobState> awaitOutcome(String jobId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Set<JobState> unfinished = EnumSet.of(JobState.PENDING, JobState.IN_FLIGHT);
    Optional<JobState> state = queues.state(EmailV1Queues.WELCOME_MAIL.name(), jobId);
    while (state.filter(unfinished::contains).isPresent() && System.nanoTime() < deadline) {
      Thread.sleep(10);
      state = queues.state(EmailV1Queues.WELCOME_MAIL.name(), jobId);
    }
    return state;
  }
}
