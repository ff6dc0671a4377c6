package io.reelsmith.bench;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The off-script set: what the script says and what the speech says differ the three ways a generated video
 * departs from its script — an added sentence {@code [+…+]} (spoken only), a swapped word {@code {script|spoken}}
 * and a phrase never spoken {@code [-…-]} (script only). One marked text gives both sides, so they cannot drift.
 */
record OffScript(String language, String marked) {
    static final List<OffScript> ENGLISH = List.of(
            new OffScript(
                    "en",
                    "Hello there, Kwirlo! [+Did you sleep well last night?+] Where is the treasure map? Branxtella found it under the "
                            + "{old|stone} bridge yesterday. Zorbleflux packed two lanterns, a rope, [-a warm blanket,-] and a small brass compass."),
            new OffScript(
                    "en",
                    "Zorbleflux packed two {lanterns|candles}, a rope, and a small brass compass. We should go before the sun sets. "
                            + "[+Nobody wants to walk home in the dark.+] Mirelda laughed and said the compass always points to the bakery. "
                            + "Kwirlo never found that [-joke about the bakery-] funny at all."),
            new OffScript(
                    "en",
                    "Mirelda laughed and said the compass always points to the {bakery|castle}. Kwirlo never found that funny at all. "
                            + "At the bridge, [-under a cloudy sky,-] a grumpy goose guarded the entrance. [+It hissed at everyone who came near.+] "
                            + "Tavisk offered it a piece of bread, and the goose stepped aside."),
            new OffScript(
                    "en",
                    "At the bridge, a grumpy goose guarded the entrance. Tavisk offered it a piece of {bread|cheese}, and the goose "
                            + "stepped aside. [-Then the path went down to the river.-] Under the stones they found a wooden box with a silver lock. "
                            + "[+Somebody had buried it a long time ago.+] Inside was a letter from Mirelda Quonk."),
            new OffScript(
                    "en",
                    "Under the stones they found a wooden box with a {silver|golden} lock. [+Someone tried to open it with a stick.+] "
                            + "Inside was a letter from Mirelda Quonk. Branxtella rolled her eyes, [-as she always did,-] but she smiled anyway. "
                            + "The real treasure was the friends they made along the way."),
            new OffScript(
                    "en",
                    "Branxtella rolled her eyes, but she smiled anyway. The real treasure was the {friends|memories} they made along "
                            + "the way. [+What a day that was!+] Hello there, Kwirlo! Where is the treasure map? [-I cannot find it anywhere.-] "
                            + "Branxtella found it under the old bridge yesterday."));
    static final List<OffScript> FRENCH = List.of(
            new OffScript(
                    "fr",
                    "Bonjour Kwirlo ! [+Tu as bien dormi cette nuit ?+] Où est la carte au trésor ? Branxtella l'a trouvée hier, "
                            + "sous le {vieux|grand} pont. Zorbleflux a pris deux lanternes, une corde, [-un sac de biscuits,-] et une petite boussole."),
            new OffScript(
                    "fr",
                    "Mirelda a ri en disant que la boussole indique toujours la {boulangerie|rivière}. Kwirlo n'a pas trouvé ça drôle. "
                            + "[+Il a boudé pendant une heure.+] Sur le pont, [-sous un ciel gris,-] une oie grincheuse gardait le passage."));

    private static final Pattern ADDED = Pattern.compile("\\[\\+(.*?)\\+]"),
            DROPPED = Pattern.compile("\\[-(.*?)-]"),
            SWAPPED = Pattern.compile("\\{([^|}]*)\\|([^}]*)}");

    /** The text given to the word timer. */
    String script() {
        return tidy(SWAPPED.matcher(
                        DROPPED.matcher(ADDED.matcher(marked).replaceAll("")).replaceAll("$1"))
                .replaceAll("$1"));
    }

    /** The text actually spoken. */
    String spoken() {
        return tidy(SWAPPED.matcher(
                        DROPPED.matcher(ADDED.matcher(marked).replaceAll("$1")).replaceAll(""))
                .replaceAll("$2"));
    }

    private static String tidy(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
