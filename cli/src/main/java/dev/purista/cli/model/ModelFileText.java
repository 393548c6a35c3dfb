package dev.purista.cli.model;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The text of {@code purista.json} from its bytes, which must be UTF-8. A UTF-8 byte-order mark is accepted and
 * dropped: some Windows editors add one on every save, it says nothing but "this is UTF-8", and the next write
 * leaves it out. Anything else that is not UTF-8 is a {@link CorruptModelException} that says what it found and
 * where, instead of the decoder's "Input length = 1".
 */
public final class ModelFileText {
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private ModelFileText() {
  }

  public static String decode(byte[] bytes) {
    int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
    if (start == 0 && bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
        || (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
      throw new CorruptModelException("it is UTF-16 (it starts with a UTF-16 byte-order mark); purista reads "
          + "UTF-8 only, so save it as UTF-8", null);
    }
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      int offset = in.position();
      throw new CorruptModelException("it is not valid UTF-8: byte 0x"
          + String.format(Locale.ROOT, "%02X", bytes[offset] & 0xff) + " at offset " + offset + " (line "
          + lineOf(bytes, offset) + ") cannot start or continue a UTF-8 character; save the file as UTF-8", null);
    }
    decoder.flush(out);
    return out.flip().toString();
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    if (bytes.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int lineOf(byte[] bytes, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
