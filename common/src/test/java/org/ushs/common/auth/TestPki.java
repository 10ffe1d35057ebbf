package org.ushs.common.auth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made for a test run (Bouncy Castle), issuing server and client
 * certificates with subject alternative names; keys live in memory and in temporary files only.
 */
public final class TestPki {

  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  private final String name;
  private final KeyPair keys = TestKeys.ec("secp256r1");
  private final X509Certificate certificate;

  /** A new self-signed CA called {@code name}. */
  public TestPki(String name) {
    this.name = name;
    this.certificate = build(name, keys, name, keys, true, null);
  }

  /** A certificate and its key, issued by some CA. */
  public record Issued(X509Certificate certificate, KeyPair keys) {

    /** Writes {@code <base>.crt} and {@code <base>.key} (PEM) into {@code dir}. */
    public Path[] write(Path dir, String base) {
      try {
        Path crt = dir.resolve(base + ".crt");
        Path key = dir.resolve(base + ".key");
        Files.writeString(crt, TestKeys.pem("CERTIFICATE", certificate.getEncoded()));
        Files.writeString(key, TestKeys.privatePem(keys), StandardCharsets.US_ASCII);
        return new Path[] {crt, key};
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  public X509Certificate certificate() {
    return certificate;
  }

  /** Writes the CA certificate (PEM) to {@code file}. */
  public Path writeCertificate(Path file) {
    try {
      return Files.writeString(file, TestKeys.pem("CERTIFICATE", certificate.getEncoded()));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** A leaf certificate for {@code subject} with the given SANs (GeneralName tag, value). */
  public Issued issue(String subject, GeneralName... sans) {
    KeyPair leafKeys = TestKeys.ec("secp256r1");
    return new Issued(
        build(subject, leafKeys, name, keys, false, new GeneralNames(sans)), leafKeys);
  }

  public static GeneralName uri(String value) {
    return new GeneralName(GeneralName.uniformResourceIdentifier, value);
  }

  public static GeneralName ip(String value) {
    return new GeneralName(GeneralName.iPAddress, value);
  }

  public static GeneralName dns(String value) {
    return new GeneralName(GeneralName.dNSName, value);
  }

  private static X509Certificate build(
      String subject,
      KeyPair subjectKeys,
      String issuer,
      KeyPair issuerKeys,
      boolean ca,
      GeneralNames sans) {
    Instant now = Instant.now();
    try {
      X509v3CertificateBuilder builder =
          new JcaX509v3CertificateBuilder(
              new X500Name("CN=" + issuer),
              BigInteger.valueOf(SERIALS.incrementAndGet()),
              Date.from(now.minus(Duration.ofHours(1))),
              Date.from(now.plus(Duration.ofDays(1))),
              new X500Name("CN=" + subject),
              subjectKeys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (ca) {
        builder.addExtension(
            Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
      } else {
        builder.addExtension(Extension.subjectAlternativeName, false, sans);
      }
      return new JcaX509CertificateConverter()
          .getCertificate(
              builder.build(
                  new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    } catch (Exception e) {
      throw new IllegalStateException("cannot build certificate " + subject, e);
    }
  }
}
