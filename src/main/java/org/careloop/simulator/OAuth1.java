package org.careloop.simulator;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Verifies OAuth 1.0a HMAC-SHA1 request signatures (RFC 5849), as the X API does for user context. */
final class OAuth1 {

    private static final Pattern PARAM = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private OAuth1() {}

    /** The {@code oauth_*} parameters of an {@code Authorization: OAuth ...} header, decoded. */
    static Map<String, String> parseHeader(String header) {
        Map<String, String> params = new LinkedHashMap<>();
        Matcher m = PARAM.matcher(header.substring("OAuth".length()));
        while (m.find()) {
            params.put(m.group(1), URLDecoder.decode(m.group(2), StandardCharsets.UTF_8));
        }
        return params;
    }

    /**
     * @param method         HTTP method
     * @param baseUrl        scheme, host, port and path, without query
     * @param requestParams  query and form parameters (decoded; repeated names as separate pairs)
     * @param oauthParams    the header's parameters, {@code oauth_signature} included
     */
    static boolean verify(String method, String baseUrl, List<String[]> requestParams, Map<String, String> oauthParams,
                          String consumerSecret, String tokenSecret) {
        String given = oauthParams.get("oauth_signature");
        if (given == null || !"HMAC-SHA1".equals(oauthParams.get("oauth_signature_method"))) {
            return false;
        }
        String expected = sign(method, baseUrl, requestParams, oauthParams, consumerSecret, tokenSecret);
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), given.getBytes(StandardCharsets.US_ASCII));
    }

    static String sign(String method, String baseUrl, List<String[]> requestParams, Map<String, String> oauthParams,
                       String consumerSecret, String tokenSecret) {
        List<String[]> all = new ArrayList<>();
        for (String[] p : requestParams) {
            all.add(new String[] {encode(p[0]), encode(p[1])});
        }
        oauthParams.forEach((k, v) -> {
            if (!k.equals("oauth_signature") && !k.equals("realm")) {
                all.add(new String[] {encode(k), encode(v)});
            }
        });
        all.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        StringBuilder normalized = new StringBuilder();
        for (String[] p : all) {
            if (!normalized.isEmpty()) {
                normalized.append('&');
            }
            normalized.append(p[0]).append('=').append(p[1]);
        }
        String base = method.toUpperCase() + "&" + encode(baseUrl) + "&" + encode(normalized.toString());
        String key = encode(consumerSecret) + "&" + encode(tokenSecret == null ? "" : tokenSecret);
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available", e);
        }
    }

    /** RFC 3986 percent-encoding: everything but unreserved characters. */
    static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (x & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append(c);
            } else {
                b.append('%').append(String.format("%02X", x & 0xff));
            }
        }
        return b.toString();
    }
}
