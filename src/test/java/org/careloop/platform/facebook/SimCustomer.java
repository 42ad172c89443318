package org.careloop.platform.facebook;

import com.restfb.DefaultFacebookClient;
import com.restfb.DefaultJsonMapper;
import com.restfb.DefaultWebRequestor;
import com.restfb.FacebookEndpoints;
import com.restfb.Parameter;
import com.restfb.Version;
import com.restfb.json.JsonObject;

/** A customer on the simulated Facebook or Instagram, acting through RestFB with a {@code sim:<name>} token, as any Graph client can. */
public final class SimCustomer {

    private final DefaultFacebookClient client;

    public SimCustomer(String simulatorUrl, String name) {
        client = new DefaultFacebookClient("sim:" + name, null, new DefaultWebRequestor(), new DefaultJsonMapper(), Version.UNVERSIONED);
        String graph = simulatorUrl + "/v24.0";
        client.setFacebookEndpointUrls(new FacebookEndpoints() {
            @Override
            public String getGraphEndpoint() {
                return graph;
            }
        });
    }

    public DefaultFacebookClient client() {
        return client;
    }

    /** Posts {@code text} on an edge ({@code <page-id>/feed}, {@code <id>/comments}, {@code <ig-comment-id>/replies}); the new object's id. */
    public String publish(String path, String text) {
        return client.publish(path, JsonObject.class, Parameter.with("message", text)).getString("id", null);
    }
}
