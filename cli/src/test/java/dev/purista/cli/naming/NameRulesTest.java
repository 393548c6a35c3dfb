package dev.purista.cli.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.purista.cli.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NameRulesTest {

  @ParameterizedTest
  @ValueSource(strings = {"user", "orderHistory", "v2api", "a"})
  void acceptsLowerCamelServiceNames(String name) {
    assertEquals(name, NameRules.serviceName(name));
  }

  @Test
  void rejectsAnEmptyName() {
    InvalidNameException e = assertThrows(InvalidNameException.class, () -> NameRules.serviceName(""));
    assertEquals("service name must not be empty", e.getMessage());
    assertEquals(ExitCode.USAGE, e.exitCode());
  }

  @ParameterizedTest
  @ValueSource(strings = {"../x", "a/b", "a\\b", "..", "x..y"})
  void rejectsPaths(String name) {
    InvalidNameException e = assertThrows(InvalidNameException.class, () -> NameRules.commandName(name));
    assertTrue(e.getMessage().contains("looks like a path"), e.getMessage());
  }

  @Test
  void rejectsSpaces() {
    InvalidNameException e = assertThrows(InvalidNameException.class, () -> NameRules.commandName("sign up"));
    assertTrue(e.getMessage().contains("must not contain spaces"), e.getMessage());
  }

  @Test
  void rejectsNonAsciiLettersAndNamesTheCodePoint() {
    InvalidNameException e = assertThrows(InvalidNameException.class, () -> NameRules.serviceName("usér"));
    assertTrue(e.getMessage().contains("'é' (U+00E9)"), e.getMessage());
  }

  @Test
  void neverEchoesInvisibleCharactersBack() {
    // U+202E reverses the text direction of whatever the terminal prints after it.
    InvalidNameException e = assertThrows(InvalidNameException.class, () -> NameRules.serviceName("user\u202e"));
    assertTrue(e.getMessage().contains("(U+202E)"), e.getMessage());
    assertTrue(e.getMessage().indexOf('\u202e') < 0, "the message must not contain the character itself");
  }

  @Test
  void rejectsCharactersOutsideTheBasicPlane() {
    InvalidNameException e = assertThrows(InvalidNameException.class, () -> NameRules.serviceName("user\uD83D\uDE00"));
    assertTrue(e.getMessage().contains("U+1F600"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(strings = {"class", "new", "switch", "true", "null", "sWitch"})
  void rejectsJavaKeywordsAlsoWhenTheyOnlyAppearAsPackageSegment(String name) {
    InvalidNameException e = assertThrows(InvalidNameException.class, () -> NameRules.commandName(name));
    assertTrue(e.getMessage().contains("Java keyword"), e.getMessage());
  }

  @Test
  void suggestsLowerCamelForOtherSpellings() {
    assertEquals("did you mean 'signUp'?",
        assertThrows(InvalidNameException.class, () -> NameRules.commandName("SignUp")).hint().orElseThrow());
    assertEquals("did you mean 'signUp'?",
        assertThrows(InvalidNameException.class, () -> NameRules.commandName("sign-up")).hint().orElseThrow());
  }

  @ParameterizedTest
  @ValueSource(strings = {"name", "version", "definition"})
  void rejectsFunctionNamesThatClashWithTheServiceClassConstants(String name) {
    InvalidNameException e = assertThrows(InvalidNameException.class, () -> NameRules.subscriptionName(name));
    assertTrue(e.getMessage().contains("would clash with the constant"), e.getMessage());
  }

  @Test
  void projectNamesAreLowerCaseWithDashes() {
    assertEquals("order-service", NameRules.projectName("order-service"));
    assertThrows(InvalidNameException.class, () -> NameRules.projectName("OrderService"));
    assertThrows(InvalidNameException.class, () -> NameRules.projectName("order--service"));
    assertThrows(InvalidNameException.class, () -> NameRules.projectName("-shop"));
    assertThrows(InvalidNameException.class, () -> NameRules.projectName("class"));
  }

  @Test
  void eventNamesAreWordsWithSingleSeparators() {
    assertEquals("user.signedUp", NameRules.eventName("user.signedUp"));
    assertEquals("order-created_v2", NameRules.eventName("order-created_v2"));
    assertThrows(InvalidNameException.class, () -> NameRules.eventName("user..signedUp"));
    assertThrows(InvalidNameException.class, () -> NameRules.eventName("user."));
    assertThrows(InvalidNameException.class, () -> NameRules.eventName("1user"));
  }

  @Test
  void packagesAreDotSeparatedLowerCaseSegmentsWithoutKeywords() {
    assertEquals("com.example.shop", NameRules.packageName("com.example.shop"));
    assertThrows(InvalidNameException.class, () -> NameRules.packageName("com.example."));
    assertThrows(InvalidNameException.class, () -> NameRules.packageName("com.Example"));
    assertTrue(assertThrows(InvalidNameException.class, () -> NameRules.packageName("com.new.shop"))
        .getMessage().contains("keyword"));
  }

  @Test
  void serviceVersionsArePositiveWholeNumbers() {
    assertEquals("2", NameRules.serviceVersion("2"));
    assertThrows(InvalidNameException.class, () -> NameRules.serviceVersion("0"));
    assertThrows(InvalidNameException.class, () -> NameRules.serviceVersion("1.0"));
    assertThrows(InvalidNameException.class, () -> NameRules.serviceVersion("v1"));
  }

  @Test
  void descriptionsAreOneLine() {
    assertEquals("", NameRules.description(null));
    assertEquals("Sends emails", NameRules.description("  Sends emails "));
    assertThrows(InvalidNameException.class, () -> NameRules.description("two\nlines"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"con", "CON", "Prn", "aux", "nul", "nul.txt", "COM1", "com9", "lpt1", "LPT9.log"})
  void knowsTheWindowsDeviceNamesInAnyCaseAndWithAnExtension(String fileName) {
    assertTrue(WindowsNames.reservedDevice(fileName) != null, fileName);
  }

  @ParameterizedTest
  @ValueSource(strings = {"console", "com", "com10", "lpt0", "null", "auxiliary", "icon", "x.con"})
  void leavesOtherNamesAlone(String fileName) {
    assertEquals(null, WindowsNames.reservedDevice(fileName), fileName);
  }

  @Test
  void acceptsANameOfExactlyTheLimit() {
    String name = "a".repeat(NameRules.MAX_NAME);
    assertEquals(name, NameRules.commandName(name));
    InvalidNameException e = assertThrows(InvalidNameException.class, () -> NameRules.commandName(name + "a"));
    assertTrue(e.getMessage().startsWith("command name 'aaaaaaaaaaaaaaaa...' is 33 characters long"), e.getMessage());
  }
}
