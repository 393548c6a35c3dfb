package dev.purista.redis;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * A Lua script run by its SHA-1 ({@code EVALSHA}), so that only the hash travels per call; a server that does not
 * know it yet (first use, or restarted since) gets the whole script once ({@code EVAL}, which also caches it).
 */
final class LuaScript {
  private final String name;
  private final byte[] source;
  private final byte[] sha;

  LuaScript(String name, String source) {
    this.name = name;
    this.source = source.getBytes(StandardCharsets.UTF_8);
    this.sha = sha1Hex(this.source);
  }

  Object run(UnifiedJedis redis, List<byte[]> keys, List<byte[]> args) {
    try {
      return redis.evalsha(sha, keys, args);
    } catch (JedisNoScriptException notLoaded) {
      return redis.eval(source, keys, args);
    }
  }

  String name() {
    return name;
  }

  private static byte[] sha1Hex(byte[] source) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-1").digest(source);
      return HexFormat.of().formatHex(digest).getBytes(StandardCharsets.US_ASCII);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is missing from this JVM", e);
    }
  }
}
