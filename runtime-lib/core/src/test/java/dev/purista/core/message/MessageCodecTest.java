package dev.purista.core.message;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The envelope is PURISTA's JSON, field for field, and anything else is rejected with a reason. */
class MessageCodecTest {
  private final MessageCodec codec = new MessageCodec();

  /** A command as the TypeScript PURISTA writes it. */
  private static final String PURISTA_COMMAND = """
      {"messageType":"command","id":"m1","timestamp":1700000000000,"contentType":"application/json",
       "contentEncoding":"utf-8","traceId":"t1","correlationId":"c1","principalId":"p1","tenantId":"x1",
       "otp":"00-abc-def-01",
       "sender":{"serviceName":"web","serviceVersion":"1","serviceTarget":"$$endpoint:post:users","instanceId":"i1"},
       "receiver":{"serviceName":"user","serviceVersion":"1","serviceTarget":"signUp"},
       "payload":{"payload":{"email":"a@b.c"},"parameter":{"ref":"x"}}}
      """;

  @Test
  void readsAPuristaCommandFieldForField() throws Exception {
    Message message = codec.decode(PURISTA_COMMAND.getBytes(StandardCharsets.UTF_8));

    assertEquals(MessageType.COMMAND, message.messageType());
    assertEquals("m1", message.id());
    assertEquals(1700000000000L, message.timestamp());
    assertEquals("t1", message.traceId());
    assertEquals("c1", message.correlationId());
    assertEquals("p1", message.principalId());
    assertEquals("x1", message.tenantId());
    assertEquals("00-abc-def-01", message.otp());
    assertEquals(new MessageAddress("web", "1", "$$endpoint:post:users", "i1"), message.sender());
    assertEquals(MessageAddress.of("user", "1", "signUp"), message.receiver());
    assertEquals(new CommandPayload(Map.of("email", "a@b.c"), Map.of("ref", "x")), message.payload());
  }

  @Test
  void writesFieldsInPuristasNamesAndLeavesUnsetOnesOut() {
    Message response = Message.builder(MessageType.COMMAND_ERROR_RESPONSE)
        .id("r1").timestamp(5).correlationId("c1")
        .sender(new MessageAddress("user", "1", "signUp", "i2"))
        .receiver(new MessageAddress("web", "1", "x", "i1"))
        .isHandledError(true)
        .payload(new ErrorPayload(409, "taken", null))
        .build();

    String json = new String(codec.encode(response), StandardCharsets.UTF_8);

    assertEquals("{\"messageType\":\"commandErrorResponse\",\"id\":\"r1\",\"timestamp\":5,"
        + "\"contentType\":\"application/json\",\"contentEncoding\":\"utf-8\",\"correlationId\":\"c1\","
        + "\"sender\":{\"serviceName\":\"user\",\"serviceVersion\":\"1\",\"serviceTarget\":\"signUp\","
        + "\"instanceId\":\"i2\"},\"receiver\":{\"serviceName\":\"web\",\"serviceVersion\":\"1\","
        + "\"serviceTarget\":\"x\",\"instanceId\":\"i1\"},\"isHandledError\":true,"
        + "\"payload\":{\"status\":409,\"message\":\"taken\"}}", json);
  }

  @Test
  void anEncodedMessageDecodesToAnEqualMessage() throws Exception {
    Message event = Message.builder(MessageType.CUSTOM_MESSAGE)
        .eventName("user.signedUp").traceId("t").principalId("p").tenantId("x")
        .sender(new MessageAddress("user", "1", "signUp", "i"))
        .payload(Map.of("email", "ü@b.c", "n", 3))
        .build();

    assertEquals(event, codec.decode(codec.encode(event)));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "", "not json", "[1,2]", "{}", "{\"messageType\":\"gossip\",\"id\":\"1\",\"timestamp\":1}",
      "{\"messageType\":\"command\",\"id\":\"1\",\"timestamp\":1,"
          + "\"sender\":{\"serviceName\":\"a\",\"serviceVersion\":\"1\",\"serviceTarget\":\"t\"}}",
      "{\"messageType\":\"customMessage\",\"id\":\"1\",\"timestamp\":1,"
          + "\"sender\":{\"serviceName\":\"a\",\"serviceVersion\":\"1\",\"serviceTarget\":\"t\"}}",
      "{\"messageType\":\"commandErrorResponse\",\"id\":\"1\",\"timestamp\":1,\"correlationId\":\"c\","
          + "\"sender\":{\"serviceName\":\"a\",\"serviceVersion\":\"1\",\"serviceTarget\":\"t\"},"
          + "\"payload\":{\"status\":\"bad\"}}",
      "{\"messageType\":\"customMessage\",\"id\":\"1\",\"timestamp\":\"yesterday\",\"eventName\":\"e\","
          + "\"sender\":{\"serviceName\":\"a\",\"serviceVersion\":\"1\",\"serviceTarget\":\"t\"}}"})
  void rejectsWhatIsNotAPuristaMessageWithAReason(String input) {
    MalformedMessageException error = assertThrows(MalformedMessageException.class,
        () -> codec.decode(input.getBytes(StandardCharsets.UTF_8)));

    assertTrue(error.getMessage() != null && !error.getMessage().isBlank());
  }
}
