package dev.purista.benchmarks.inmemory;

import dev.purista.core.spi.PayloadValidator;
import dev.purista.validation.BeanValidationPayloadValidator;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.EventBus;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageCodec;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The yardstick beside {@link UserSystem}: the same {@code getUser} handler ({@link GetUserCommand}) as a local
 * consumer on Vert.x's event bus, at address {@value #ADDRESS}, in a verticle, with Vert.x's default options
 * (event-loop pool of twice the cores, 30 s reply timeout). The payload and the result travel as the objects
 * themselves through {@link LocalCodec}, as they do through our in-memory bridge, so neither side serialises.
 *
 * <p>With {@code validated}, the consumer makes the three Bean Validation calls our pipeline makes (payload,
 * parameter, result) with the same validator class, so "validation on" compares like for like; an invalid payload
 * is answered with failure code 400, as our pipeline answers it.
 */
public final class VertxUserSystem implements AutoCloseable {
  /** Where callers send {@code getUser}. */
  public static final String ADDRESS = "user.getUser";
  /** The failure code of a reply to a payload that breaks its constraints, as our status 400. */
  static final int BAD_REQUEST = 400;

  private static final GetUserParameter NO_PARAMETER = new GetUserParameter();
  /** Only for setup and for blocking callers; each request has Vert.x's own 30 s reply timeout as well. */
  private static final long WAIT_SECONDS = 30;

  private final Vertx vertx;
  private final EventBus eventBus;

  private VertxUserSystem(Vertx vertx) {
    this.vertx = vertx;
    this.eventBus = vertx.eventBus();
  }

  /**
   * Starts Vert.x with default options and deploys the consumer.
   *
   * @param validated whether the consumer validates payload, parameter and result
   */
  public static VertxUserSystem start(boolean validated) {
    VertxUserSystem system = new VertxUserSystem(Vertx.vertx());
    try {
      system.eventBus.registerDefaultCodec(GetUserPayload.class, new LocalCodec<>(GetUserPayload.class));
      system.eventBus.registerDefaultCodec(GetUserResult.class, new LocalCodec<>(GetUserResult.class));
      await(system.vertx.deployVerticle(
          new UserVerticle(validated ? new BeanValidationPayloadValidator() : null)).toCompletionStage());
      return system;
    } catch (RuntimeException e) {
      system.close();
      throw e;
    }
  }

  /** One call from a thread that waits for the reply: the shape of {@code PuristaClient.invoke}. */
  public GetUserResult getUser(String id) {
    return getUser(new GetUserPayload(id));
  }

  /** One blocking call with any payload; an invalid one fails with a {@link io.vertx.core.eventbus.ReplyException}. */
  GetUserResult getUser(GetUserPayload payload) {
    return await(getUserAsync(payload));
  }

  /** One call that does not block; the future completes on the event loop that handles the reply. */
  public CompletableFuture<GetUserResult> getUserAsync(String id) {
    return getUserAsync(new GetUserPayload(id));
  }

  private CompletableFuture<GetUserResult> getUserAsync(GetUserPayload payload) {
    return eventBus.<GetUserResult>request(ADDRESS, payload).toCompletionStage().toCompletableFuture()
        .thenApply(Message::body);
  }

  @Override
  public void close() {
    await(vertx.close().toCompletionStage());
  }

  private static <T> T await(CompletionStage<T> stage) {
    try {
      return stage.toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException("no answer from Vert.x within " + WAIT_SECONDS + " s", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for Vert.x", e);
    }
  }

  /** The consumer, on the event loop of its verticle's context. */
  static final class UserVerticle extends VerticleBase {
    private final GetUserCommand handler = new GetUserCommand();
    /** {@code null} for the bare variant, which calls no validator at all. */
    private final PayloadValidator validator;

    UserVerticle(PayloadValidator validator) {
      this.validator = validator;
    }

    @Override
    public Future<?> start() {
      return vertx.eventBus().<GetUserPayload>localConsumer(ADDRESS, this::handle).completion();
    }

    private void handle(Message<GetUserPayload> message) {
      GetUserPayload payload = message.body();
      if (validator == null) {
        message.reply(handler.handle(null, payload, NO_PARAMETER));
        return;
      }
      if (invalid(message, "payload", validator.validate(payload), BAD_REQUEST)
          || invalid(message, "parameter", validator.validate(NO_PARAMETER), BAD_REQUEST)) {
        return;
      }
      GetUserResult result = handler.handle(null, payload, NO_PARAMETER);
      if (!invalid(message, "result", validator.validate(result), 500)) {
        message.reply(result);
      }
    }

    private static boolean invalid(Message<?> message, String what, List<PayloadValidator.Violation> violations,
        int failureCode) {
      if (violations.isEmpty()) {
        return false;
      }
      message.fail(failureCode, "Invalid " + what + ": " + violations);
      return true;
    }
  }

  /**
   * Passes a record from sender to consumer as the same object: {@link #transform} is all a local delivery uses.
   * Sharing is safe because the records are immutable. Nothing here leaves the process, so the wire methods refuse.
   */
  static final class LocalCodec<T> implements MessageCodec<T, T> {
    private final String name;

    LocalCodec(Class<T> type) {
      this.name = "local-" + type.getName();
    }

    @Override
    public void encodeToWire(Buffer buffer, T value) {
      throw new UnsupportedOperationException(name + " passes objects in process only");
    }

    @Override
    public T decodeFromWire(int position, Buffer buffer) {
      throw new UnsupportedOperationException(name + " passes objects in process only");
    }

    @Override
    public T transform(T value) {
      return value;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public byte systemCodecID() {
      return -1;
    }
  }
}
