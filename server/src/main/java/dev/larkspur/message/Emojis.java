package dev.larkspur.message;

import java.util.List;
import java.util.Set;

/**
 * The {@code emoji_type} values Feishu accepts in reactions (spec/message.md §7, 182 values). They
 * are case-sensitive: {@code SMILE} is known, {@code smile} is not.
 */
public final class Emojis {
    private static final List<String> ALL = List.of((""
                    + "OK THUMBSUP THANKS MUSCLE FINGERHEART APPLAUSE FISTBUMP JIAYI DONE SMILE BLUSH LAUGH SMIRK LOL "
                    + "FACEPALM LOVE WINK PROUD WITTY SMART SCOWL THINKING SOB CRY ERROR NOSEPICK HAUGHTY SLAP SPITBLOOD "
                    + "TOASTED GLANCE DULL INNOCENTSMILE JOYFUL WOW TRICK YEAH ENOUGH TEARS EMBARRASSED KISS SMOOCH DROOL "
                    + "OBSESSED MONEY TEASE SHOWOFF COMFORT CLAP PRAISE STRIVE XBLUSH SILENT WAVE WHAT FROWN SHY DIZZY "
                    + "LOOKDOWN CHUCKLE WAIL CRAZY WHIMPER HUG BLUBBER WRONGED HUSKY SHHH SMUG ANGRY HAMMER SHOCKED TERROR "
                    + "PETRIFIED SKULL SWEAT SPEECHLESS SLEEP DROWSY YAWN SICK PUKE BETRAYED HEADSET EatingFood MeMeMe Sigh "
                    + "Typing Lemon Get LGTM OnIt OneSecond VRHeadset YouAreTheBest SALUTE SHAKE HIGHFIVE UPPERLEFT "
                    + "ThumbsDown SLIGHT TONGUE EYESCLOSED RoarForYou CALF BEAR BULL RAINBOWPUKE ROSE HEART PARTY LIPS BEER "
                    + "CAKE GIFT CUCUMBER Drumstick Pepper CANDIEDHAWS BubbleTea Coffee Yes No OKR CheckMark CrossMark "
                    + "MinusOne Hundred AWESOMEN Pin Alarm Loudspeaker Trophy Fire BOMB Music XmasTree Snowman XmasHat "
                    + "FIREWORKS 2022 REDPACKET FORTUNE LUCK FIRECRACKER StickyRiceBalls HEARTBROKEN POOP "
                    + "StatusFlashOfInspiration 18X CLEAVER Soccer Basketball GeneralDoNotDisturb Status_PrivateMessage "
                    + "GeneralInMeetingBusy StatusReading StatusInFlight GeneralBusinessTrip GeneralWorkFromHome "
                    + "StatusEnjoyLife GeneralTravellingCar StatusBus GeneralSun GeneralMoonRest MoonRabbit Mooncake "
                    + "JubilantRabbit TV Movie Pumpkin BeamingFace Delighted ColdSweat FullMoonFace Partying GoGoGo "
                    + "ThanksFace SaluteFace Shrug ClownFace HappyDragon")
            .split(" "));
    private static final Set<String> KNOWN = Set.copyOf(ALL);

    private Emojis() {}

    /** All of them, in the order of the spec's appendix (Feishu's picker order). */
    public static List<String> all() {
        return ALL;
    }

    public static boolean isKnown(String emojiType) {
        return emojiType != null && KNOWN.contains(emojiType);
    }
}
