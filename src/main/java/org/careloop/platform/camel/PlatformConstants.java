package org.careloop.platform.camel;

/** Headers set on every exchange the platform consumer emits. */
public final class PlatformConstants {

    public static final String PLATFORM = "CareLoopPlatform";
    public static final String ACCOUNT = "CareLoopAccount";
    public static final String FEED = "CareLoopFeed";

    private PlatformConstants() {}
}
