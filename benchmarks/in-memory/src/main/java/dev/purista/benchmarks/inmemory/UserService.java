package dev.purista.benchmarks.inmemory;

import dev.purista.core.CommandDefinition;
import dev.purista.core.ServiceDefinition;
import dev.purista.core.message.MessageAddress;

/** The workload of the original's peer benchmark: service {@code user} v1 with the one command {@code getUser}. */
public final class UserService {
  public static final CommandDefinition<GetUserPayload, GetUserParameter, GetUserResult> GET_USER =
      CommandDefinition.builder("getUser", GetUserPayload.class, GetUserParameter.class, GetUserResult.class)
          .description("get a user")
          .handler(new GetUserCommand())
          .build();

  public static final ServiceDefinition USER_V1 = ServiceDefinition.builder("user", "1")
      .description("users")
      .command(GET_USER)
      .build();

  /** Where callers send {@code getUser}. */
  public static final MessageAddress GET_USER_ADDRESS = MessageAddress.of("user", "1", "getUser");

  private UserService() {
  }
}
