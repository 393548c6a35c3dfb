/**
 * purista-lambda: runs an application's services in an AWS Lambda function, started once per execution
 * environment. API Gateway and function URL events go through purista-http's gateway; direct invocations and SQS
 * batches go to commands and subscriptions. {@code dev.purista.lambda.internal} is the implementation and is not
 * exported.
 */
// aws-lambda-java-core has no module descriptor and no Automatic-Module-Name: its name comes from the file name.
@SuppressWarnings({"requires-automatic", "requires-transitive-automatic"})
module dev.purista.lambda {
  requires transitive dev.purista.core;
  requires transitive dev.purista.http;
  // PuristaLambdaHandler implements RequestStreamHandler and takes its Context.
  requires transitive aws.lambda.java.core;
  // SnapStartHooks is an org.crac Resource.
  requires transitive org.crac;

  exports dev.purista.lambda;
}
