package dev.purista.cli.generate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import dev.purista.cli.model.ServiceModel;
import dev.purista.cli.model.SubscriptionModel;
import dev.purista.cli.naming.CaseFormat;
import dev.purista.cli.plan.ProposedFile;
import java.util.List;

/**
 * Emits the user-owned test of a subscription: it delivers one event through the real pipeline with
 * {@code SubscriptionHarness} and passes as generated.
 */
final class SubscriptionTestEmitter {
  private SubscriptionTestEmitter() {
  }

  /**
   * @param samplePayload the expression that builds the delivered payload, such as {@code new SignUpResult()}
   */
  static ProposedFile emit(ProjectLayout layout, ServiceModel service, SubscriptionModel subscription,
      CodeBlock samplePayload) {
    ClassName name = layout.subscriptionTest(service, subscription);
    ClassName serviceClass = layout.serviceClass(service);
    CodeBlock.Builder body = CodeBlock.builder()
        .beginControlFlow("try ($T harness =\n$>$>$T.of($T.NAME, $T.VERSION, $T.$N)$<$<)",
            RuntimeTypes.SUBSCRIPTION_HARNESS, RuntimeTypes.SUBSCRIPTION_HARNESS, serviceClass, serviceClass,
            serviceClass, ProjectLayout.definitionConstant(subscription.name()));
    body.addStatement("$T outcome = harness.deliver($L).assertSuccess()", RuntimeTypes.SUBSCRIPTION_OUTCOME,
        samplePayload);
    if (subscription.emitsEvent().isPresent()) {
      body.addStatement("$T.assertEquals($T.of($T.$L), outcome.eventNames())", RuntimeTypes.ASSERTIONS, List.class,
          layout.serviceEvents(service), CaseFormat.constant(subscription.emits()));
    } else {
      body.addStatement("$T.assertEquals($T.of(), outcome.eventNames())", RuntimeTypes.ASSERTIONS, List.class);
    }
    body.endControlFlow();
    String method = subscription.emitsEvent().isPresent() ? "handlesTheEventAndEmitsItsOutput" : "handlesTheEvent";
    TypeSpec type = TypeSpec.classBuilder(name)
        .addMethod(MethodSpec.methodBuilder(method)
            .addAnnotation(RuntimeTypes.TEST)
            .addCode(body.build())
            .build())
        .build();
    return JavaSources.userOwnedTest(name, type, "assertEquals");
  }
}
