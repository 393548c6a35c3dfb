/**
 * purista-lambda-logging: an SLF4J 2 backend that writes one JSON object per line to standard output, as
 * CloudWatch Logs reads a Lambda function's output. Nothing is exported: applications log through SLF4J.
 */
module dev.purista.lambda.logging {
  requires org.slf4j;
  requires com.fasterxml.jackson.core;

  provides org.slf4j.spi.SLF4JServiceProvider with dev.purista.lambda.logging.JsonLinesServiceProvider;
}
