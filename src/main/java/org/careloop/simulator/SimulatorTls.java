package org.careloop.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The simulator's HTTPS certificate: made once, at its first start, for {@code localhost} and the
 * loopback addresses, and kept beside its state ({@code simulator-tls.p12}, with the certificate alone
 * as {@code simulator-cert.pem} for a client to trust, e.g. Node's {@code NODE_EXTRA_CA_CERTS}). Clients
 * that speak only https (the npm {@code twitter-api-v2}) reach the simulator this way. It is a test
 * double's certificate: self-signed, its key's password written here.
 */
final class SimulatorTls {

    static final String KEYSTORE = "simulator-tls.p12";
    static final String CERTIFICATE = "simulator-cert.pem";
    private static final char[] PASSWORD = "careloop-simulator".toCharArray();
    private static final String ALIAS = "simulator";

    private SimulatorTls() {}

    /** The server's TLS context from the key store in {@code dir}, made there first when it is missing. */
    static SSLContext context(Path dir) throws IOException {
        try {
            Path store = dir.resolve(KEYSTORE);
            if (!Files.isRegularFile(store)) {
                make(dir);
            }
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                keys.load(in, PASSWORD);
            }
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, PASSWORD);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(kmf.getKeyManagers(), null, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IOException("The simulator's certificate in " + dir.toAbsolutePath() + " cannot be used (delete "
                    + KEYSTORE + " and " + CERTIFICATE + " to make new ones): " + e.getMessage(), e);
        }
    }

    private static void make(Path dir) throws IOException, GeneralSecurityException {
        Files.createDirectories(dir);
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name("CN=localhost, O=CareLoop simulator");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, new BigInteger(64, new SecureRandom()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(new GeneralName[] {
            new GeneralName(GeneralName.dNSName, "localhost"),
            new GeneralName(GeneralName.iPAddress, "127.0.0.1"),
            new GeneralName(GeneralName.iPAddress, InetAddress.getByName("::1").getHostAddress())}));
        // Its own authority too, so a client may trust it as a CA file (Node, curl --cacert).
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(true));
        X509Certificate certificate;
        try {
            certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry(ALIAS, pair.getPrivate(), PASSWORD, new Certificate[] {certificate});
        try (OutputStream out = Files.newOutputStream(dir.resolve(KEYSTORE))) {
            keys.store(out, PASSWORD);
        }
        StringWriter pem = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(pem)) {
            writer.writeObject(certificate);
        }
        Files.writeString(dir.resolve(CERTIFICATE), pem.toString(), StandardCharsets.US_ASCII);
    }
}
