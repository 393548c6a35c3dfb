package dev.purista.cli.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.purista.cli.model.CommandModel;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import org.junit.jupiter.api.Test;

class ProjectLayoutTest {
  private final ProjectLayout layout = new ProjectLayout("com.example.shop");
  private final ServiceModel service = ServiceModel.of("orderHistory", "2", "");
  private final CommandModel command = new CommandModel("signUp", "", null, null);
  private final SubscriptionModel subscription = new SubscriptionModel("sendWelcome", "", "a.b", "c.d", "x.Y");

  @Test
  void namesEveryGeneratedType() {
    assertEquals("com.example.shop.service.orderhistory.v2.OrderHistoryV2Service",
        layout.serviceClass(service).canonicalName());
    assertEquals("com.example.shop.service.orderhistory.v2.OrderHistoryV2Client",
        layout.clientClass(service).canonicalName());
    assertEquals("com.example.shop.service.orderhistory.v2.command.signup.SignUpResult",
        layout.commandResult(service, command).canonicalName());
    assertEquals("com.example.shop.service.orderhistory.v2.subscription.sendwelcome.SendWelcomeOutput",
        layout.subscriptionOutput(service, subscription).canonicalName());
    assertEquals("com.example.shop.service.orderhistory.v2.OrderHistoryV2Events",
        layout.serviceEvents(service).canonicalName());
    assertEquals("com.example.shop.bootstrap.monolith.MonolithMain", layout.monolithMain().canonicalName());
    assertEquals("SIGN_UP", ProjectLayout.definitionConstant("signUp"));
  }

  @Test
  void placesMainAndTestSources() {
    assertEquals("services/src/main/java/com/example/shop/service/orderhistory/v2/command/signup/SignUpCommand.java",
        ProjectLayout.mainSource(layout.commandHandler(service, command)));
    assertEquals("services/src/test/java/com/example/shop/service/orderhistory/v2/command/signup/SignUpCommandTest.java",
        ProjectLayout.testSource(layout.commandTest(service, command)));
  }
}
