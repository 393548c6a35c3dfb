package dev.purista.nats;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.security.KeyManagementException;
import java.security.SecureRandom;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * An {@link SSLContext} whose client sockets check that the server's certificate was issued for the host name
 * of the URL, as HTTPS does. jnats (2.21) checks the certificate chain but not the name, so without this any
 * certificate of a trusted CA, issued for any host, would be accepted; a private CA that signs many services'
 * certificates makes that a real gap. Everything else is the wrapped context's.
 */
final class HostNameCheckingSslContext extends SSLContext {
  HostNameCheckingSslContext(SSLContext wrapped) {
    super(new Spi(wrapped), wrapped.getProvider(), wrapped.getProtocol());
  }

  private static <T> T checkingHostName(T socket) {
    if (socket instanceof SSLSocket ssl) {
      SSLParameters parameters = ssl.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      ssl.setSSLParameters(parameters);
    }
    return socket;
  }

  private static final class Spi extends SSLContextSpi {
    private final SSLContext wrapped;

    Spi(SSLContext wrapped) {
      this.wrapped = wrapped;
    }

    @Override
    protected void engineInit(KeyManager[] keys, TrustManager[] trust, SecureRandom random)
        throws KeyManagementException {
      wrapped.init(keys, trust, random);
    }

    @Override
    protected SSLSocketFactory engineGetSocketFactory() {
      return new SocketFactory(wrapped.getSocketFactory());
    }

    @Override
    protected SSLServerSocketFactory engineGetServerSocketFactory() {
      return wrapped.getServerSocketFactory();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine() {
      return wrapped.createSSLEngine();
    }

    @Override
    protected SSLEngine engineCreateSSLEngine(String host, int port) {
      SSLEngine engine = wrapped.createSSLEngine(host, port);
      SSLParameters parameters = engine.getSSLParameters();
      parameters.setEndpointIdentificationAlgorithm("HTTPS");
      engine.setSSLParameters(parameters);
      return engine;
    }

    @Override
    protected SSLSessionContext engineGetServerSessionContext() {
      return wrapped.getServerSessionContext();
    }

    @Override
    protected SSLSessionContext engineGetClientSessionContext() {
      return wrapped.getClientSessionContext();
    }

    @Override
    protected SSLParameters engineGetDefaultSSLParameters() {
      return wrapped.getDefaultSSLParameters();
    }

    @Override
    protected SSLParameters engineGetSupportedSSLParameters() {
      return wrapped.getSupportedSSLParameters();
    }
  }

  private static final class SocketFactory extends SSLSocketFactory {
    private final SSLSocketFactory wrapped;

    SocketFactory(SSLSocketFactory wrapped) {
      this.wrapped = wrapped;
    }

    @Override
    public String[] getDefaultCipherSuites() {
      return wrapped.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
      return wrapped.getSupportedCipherSuites();
    }

    @Override
    public Socket createSocket() throws IOException {
      return checkingHostName(wrapped.createSocket());
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
      return checkingHostName(wrapped.createSocket(socket, host, port, autoClose));
    }

    /** A server-side socket: there is no server host name to check. */
    @Override
    public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
      return wrapped.createSocket(socket, consumed, autoClose);
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
      return checkingHostName(wrapped.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
      return checkingHostName(wrapped.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
      return checkingHostName(wrapped.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
        throws IOException {
      return checkingHostName(wrapped.createSocket(address, port, localAddress, localPort));
    }
  }
}
