package dev.purista.cli.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CaseFormatTest {

  @ParameterizedTest
  @CsvSource({
      "signUp, SignUp, SIGN_UP, signup",
      "user, User, USER, user",
      "user.signedUp, UserSignedUp, USER_SIGNED_UP, usersignedup",
      "order-created_v2, OrderCreatedV2, ORDER_CREATED_V2, ordercreatedv2",
      "v2Api, V2Api, V2_API, v2api",
      "getHTTPStatus, GetHTTPStatus, GET_HTTPSTATUS, gethttpstatus"})
  void convertsBetweenTheFormsGeneratedCodeNeeds(String name, String pascal, String constant, String segment) {
    assertEquals(pascal, CaseFormat.pascal(name));
    assertEquals(constant, CaseFormat.constant(name));
    assertEquals(segment, CaseFormat.packageSegment(name));
  }
}
