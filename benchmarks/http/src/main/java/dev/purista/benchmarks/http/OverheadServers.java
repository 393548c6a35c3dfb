package dev.purista.benchmarks.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.purista.core.CommandDefinition;
import dev.purista.core.HandledError;
import dev.purista.core.HttpAccess;
import dev.purista.core.HttpMethod;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.ServiceOptions;
import dev.purista.core.StatusCode;
import dev.purista.core.bridge.DefaultEventBridge;
import dev.purista.core.lifecycle.Application;
import dev.purista.core.message.JsonMappers;
import dev.purista.http.HttpServer;
import dev.purista.http.HttpSettings;
import io.undertow.Undertow;
import io.undertow.util.Headers;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Set;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * The overhead of purista-http: {@code purista} serves a command exposed at {@code POST /api/v1/greet} with
 * validation on (Bean Validation, through the in-memory bridge); {@code bare} is Undertow's own handler doing the
 * same work (bind the JSON body, validate it with the same validator, answer JSON, 400 on a violation). Usage:
 * {@code java -cp http-benchmarks.jar dev.purista.benchmarks.http.OverheadServers bare|purista PORT}.
 */
public final class OverheadServers {

  public record Greeting(@NotBlank @Size(max = 64) String name, @Min(0) @Max(100) int count) {
  }

  public record Answer(String greeting, int count) {
  }

  static final CommandDefinition<Greeting, Void, Answer> GREET = CommandDefinition
      .builder("greet", Greeting.class, Void.class, Answer.class)
      .http(HttpMethod.POST, "greet", HttpAccess.PUBLIC)
      .handler((context, greeting, parameter) -> new Answer("hello " + greeting.name(), greeting.count()))
      .build();

  private OverheadServers() {
  }

  public static void main(String[] args) {
    if (args.length != 2 || !(args[0].equals("bare") || args[0].equals("purista"))) {
      System.err.println("usage: OverheadServers bare|purista PORT");
      System.exit(2);
    }
    int port = Integer.parseInt(args[1]);
    if (args[0].equals("purista")) {
      Application.builder(new DefaultEventBridge())
          .service(ServiceDefinition.builder("greeter", "1").command(GREET).build(), OverheadServers::options)
          .component(HttpServer.of(HttpSettings.builder().host("127.0.0.1").port(port).docsPage(false).build()))
          .build()
          .start();
    } else {
      bare(port);
    }
  }

  /**
   * The service's executor settings: the defaults, unless {@code -Dgreeter.idleSpinMicros} or
   * {@code -Dgreeter.maxConcurrency} ask for others, to show what those settings cost under HTTP load.
   */
  private static void options(ServiceOptions.Builder options) {
    String idleSpin = System.getProperty("greeter.idleSpinMicros");
    if (idleSpin != null) {
      options.idleSpin(Duration.ofNanos(Long.parseLong(idleSpin) * 1000));
    }
    String maxConcurrency = System.getProperty("greeter.maxConcurrency");
    if (maxConcurrency != null) {
      options.maxConcurrency(Integer.parseInt(maxConcurrency));
    }
  }

  private static void bare(int port) {
    ObjectMapper mapper = JsonMappers.standard();
    Validator validator = Validation.byDefaultProvider().configure()
        .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory().getValidator();
    Undertow.builder()
        .addHttpListener(port, "127.0.0.1")
        .setHandler(exchange -> exchange.getRequestReceiver().receiveFullBytes((done, body) ->
            done.dispatch(() -> {
              byte[] answer;
              try {
                Greeting greeting = mapper.readValue(body, Greeting.class);
                Set<ConstraintViolation<Greeting>> violations = validator.validate(greeting);
                if (!violations.isEmpty()) {
                  throw new HandledError(StatusCode.BAD_REQUEST, violations.iterator().next().getMessage());
                }
                answer = mapper.writeValueAsBytes(new Answer("hello " + greeting.name(), greeting.count()));
              } catch (IOException | HandledError e) {
                done.setStatusCode(400);
                done.endExchange();
                return;
              }
              done.getResponseHeaders().put(Headers.CONTENT_TYPE, "application/json");
              done.getResponseSender().send(ByteBuffer.wrap(answer));
            })))
        .build()
        .start();
  }
}
