package dev.purista.nats;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.purista.core.queue.spi.DeadLetter;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.MessageInfo;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The dead-letter stream of the queues: one message per dead letter on {@code N_dead.<queue>}, oldest first, its
 * body a JSON document with the job id, the payload (base64, as it may not be JSON), the attempts, the reason, the
 * time and the trace id, so that {@code nats stream view} shows why a job was given up on.
 */
final class QueueDeadLetters {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int NO_MESSAGE_FOUND = 10037;

  /** A dead letter with its place in the stream, to delete it by. */
  record Stored(long sequence, DeadLetter letter, String traceId, String otp) {
  }

  private final JetStream js;
  private final JetStreamManagement jsm;
  private final QueueNames names;

  QueueDeadLetters(JetStream js, JetStreamManagement jsm, QueueNames names) {
    this.js = js;
    this.jsm = jsm;
    this.names = names;
  }

  /** Adds a dead letter; returns its sequence in the stream. */
  long add(String queue, DeadLetter letter, String traceId, String otp) throws IOException, JetStreamApiException {
    ObjectNode node = JSON.createObjectNode();
    node.put("jobId", letter.jobId());
    node.put("payload", Base64.getEncoder().encodeToString(letter.payload()));
    node.put("attempts", letter.attempts());
    node.put("reason", letter.reason());
    node.put("at", letter.at().toEpochMilli());
    if (traceId != null) {
      node.put("traceId", traceId);
    }
    if (otp != null) {
      // The span context the job was enqueued in, so that a redriven job's run still joins the enqueue's trace.
      node.put("otp", otp);
    }
    return js.publish(names.deadLetterSubject(queue), JSON.writeValueAsBytes(node)).getSeqno();
  }

  /** Up to {@code limit} dead letters of {@code queue} from the oldest. */
  List<Stored> list(String queue, int limit) throws IOException, JetStreamApiException {
    List<Stored> letters = new ArrayList<>();
    long next = 1;
    while (letters.size() < limit) {
      MessageInfo info;
      try {
        info = jsm.getNextMessage(names.deadLetterStream(), next, names.deadLetterSubject(queue));
      } catch (JetStreamApiException e) {
        if (e.getApiErrorCode() == NO_MESSAGE_FOUND) {
          break;
        }
        throw e;
      }
      letters.add(read(info));
      next = info.getSeq() + 1;
    }
    return letters;
  }

  void delete(long sequence) throws IOException, JetStreamApiException {
    try {
      jsm.deleteMessage(names.deadLetterStream(), sequence);
    } catch (JetStreamApiException e) {
      // Deleted by another process in the meantime: it is gone either way.
      if (e.getApiErrorCode() != NO_MESSAGE_FOUND) {
        throw e;
      }
    }
  }

  private static Stored read(MessageInfo info) throws IOException {
    JsonNode node = JSON.readTree(info.getData());
    DeadLetter letter = new DeadLetter(node.path("jobId").asText(),
        Base64.getDecoder().decode(node.path("payload").asText()), node.path("attempts").asInt(),
        node.path("reason").asText(), Instant.ofEpochMilli(node.path("at").asLong()));
    JsonNode trace = node.get("traceId");
    JsonNode otp = node.get("otp");
    return new Stored(info.getSeq(), letter, trace == null ? null : trace.asText(), otp == null ? null : otp.asText());
  }
}
