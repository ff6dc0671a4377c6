package io.reelsmith.script.offline;

import io.reelsmith.kernel.CharacterProfile;
import io.reelsmith.script.Block;
import io.reelsmith.script.DialogueLine;
import io.reelsmith.script.Script;
import io.reelsmith.script.ScriptRequest;
import io.reelsmith.script.ScriptWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The offline script writer: a template story arc (hook, discovery, obstacles, climax, ending) filled with
 * the theme and the character, in English or French. Free and deterministic — it gives a newcomer and
 * the tests a coherent script without a language model; the Gemini writer replaces it when paid for.
 * Each block carries about 7 s of speech, so the animatic keeps Veo's 8 s + 7 s rhythm.
 */
public final class OfflineScriptWriter implements ScriptWriter {
    private static final String SIDEKICK_EN = "Pip", SIDEKICK_FR = "Pipo";

    /** Where a beat happens, what is heard there: English and French. */
    private record Setting(String en, String fr, String soundEn, String soundFr) {}

    private static final List<Setting> SETTINGS = List.of(
            new Setting(
                    "a dusty old library with tall shelves",
                    "une vieille bibliothèque poussiéreuse aux hautes étagères",
                    "creaking wooden floorboards, wind through broken windows",
                    "planches de bois qui grincent, vent à travers les fenêtres"),
            new Setting(
                    "a misty forest path at dawn",
                    "un sentier de forêt brumeux à l'aube",
                    "birdsong and rustling leaves",
                    "chants d'oiseaux et feuilles qui bruissent"),
            new Setting(
                    "a busy city street at night with neon signs",
                    "une rue animée la nuit sous les néons",
                    "distant traffic and light rain",
                    "circulation lointaine et pluie fine"),
            new Setting(
                    "a sunny beach with gentle waves",
                    "une plage ensoleillée aux vagues douces",
                    "waves and seagulls",
                    "vagues et mouettes"),
            new Setting(
                    "a cozy kitchen with a bubbling pot",
                    "une cuisine chaleureuse avec une marmite qui bout",
                    "bubbling water and clinking cups",
                    "eau qui bout et tasses qui tintent"),
            new Setting(
                    "a rooftop under a starry sky",
                    "un toit sous un ciel étoilé",
                    "soft night wind and a distant hum",
                    "vent nocturne et bourdonnement lointain"),
            new Setting(
                    "a dark cave lit by a lantern",
                    "une grotte sombre éclairée par une lanterne",
                    "dripping water and echoing footsteps",
                    "gouttes d'eau et pas qui résonnent"));

    @Override
    public Script write(ScriptRequest r) {
        boolean fr = r.language().equals("fr");
        List<CharacterProfile> cast = r.cast();
        String lead = cast.get(0).name();
        String sidekick = fr ? SIDEKICK_FR : SIDEKICK_EN;
        if (sidekick.equalsIgnoreCase(lead)) sidekick = fr ? "Lulu" : "Lou";
        int offset = Math.floorMod(r.theme().toLowerCase().hashCode(), SETTINGS.size());
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < r.blocks(); i++) {
            Setting where = SETTINGS.get((offset + i) % SETTINGS.size());
            // One character: it leads every block with a made-up sidekick. A cast: its members take turns,
            // so with as many blocks as characters every one of them speaks.
            CharacterProfile first = cast.get(i % cast.size());
            String hero = first.name(),
                    buddy =
                            cast.size() == 1
                                    ? sidekick
                                    : cast.get((i + 1) % cast.size()).name();
            String[] beat = beat(i, r.blocks(), fr, r.theme(), hero, buddy);
            List<DialogueLine> lines = List.of(new DialogueLine(hero, beat[0]), new DialogueLine(buddy, beat[1]));
            String visual = (fr
                            ? hero + " (" + describe(first) + ") " + beat[2] + ", dans " + where.fr()
                            : hero + " (" + describe(first) + ") " + beat[2] + " in " + where.en())
                    + others(cast, first, fr) + ".";
            blocks.add(new Block(i + 1, lines, visual, fr ? where.soundFr() : where.soundEn()));
        }
        String names = String.join(fr ? " et " : " and ", r.castNames());
        String title = fr ? names + " et " + r.theme() : names + " and " + r.theme();
        return new Script(title, r.language(), blocks).validatedFor(r.castNames());
    }

    /** The rest of the cast, described, so every block's visual (and Veo's prompt) shows all of them. */
    private static String others(List<CharacterProfile> cast, CharacterProfile shown, boolean fr) {
        StringBuilder sb = new StringBuilder();
        for (CharacterProfile c : cast) {
            if (c == shown) continue;
            sb.append(sb.isEmpty() ? (fr ? ", avec " : ", with ") : (fr ? " et " : " and "))
                    .append(c.name())
                    .append(" (")
                    .append(describe(c))
                    .append(")");
        }
        return sb.toString();
    }

    private static String describe(CharacterProfile c) {
        String d = c.description().isEmpty() ? c.style() + " character" : c.description();
        return d.length() > 120 ? d.substring(0, 120) : d;
    }

    /** Lines for the hero, the sidekick, and what the hero does, by position in the arc. */
    private static String[] beat(int i, int total, boolean fr, String theme, String hero, String buddy) {
        if (i == 0)
            return fr
                    ? new String[] {
                        "Salut ! Aujourd'hui, on part à l'aventure : " + theme + " !",
                        "Attends-moi, " + hero + " !",
                        "salue la caméra avec enthousiasme"
                    }
                    : new String[] {
                        "Hi friends! Today's big adventure is " + theme + "!",
                        "Wait for me, " + hero + "!",
                        "waves at the camera with excitement"
                    };
        if (i == total - 1 && total > 1)
            return fr
                    ? new String[] {
                        "On a réussi ! Voilà le secret de " + theme + ".",
                        "Abonne-toi pour la suite !",
                        "lève les bras en signe de victoire"
                    }
                    : new String[] {
                        "We did it! That is the secret of " + theme + ".",
                        "Follow us for part two!",
                        "raises both arms in victory"
                    };
        if (i == total - 2 && total > 3)
            return fr
                    ? new String[] {
                        "C'est le moment décisif. Tout ou rien !",
                        "Je te fais confiance, " + hero + ".",
                        "se prépare pour le grand saut"
                    }
                    : new String[] {
                        "This is the big moment. All or nothing!",
                        "I believe in you, " + hero + ".",
                        "gets ready for the big leap"
                    };
        String[][] middle = fr
                ? new String[][] {
                    {
                        "Regarde, un indice ! On est sur la bonne piste.",
                        "Incroyable ! Où est-ce que ça mène ?",
                        "découvre un indice mystérieux"
                    },
                    {
                        "Oh non, le chemin est bloqué !",
                        "Il doit bien y avoir un autre passage.",
                        "s'arrête devant un obstacle"
                    },
                    {
                        "J'ai une idée. Suis-moi sans bruit.",
                        "D'accord, mais doucement !",
                        "avance sur la pointe des pieds"
                    },
                    {"Écoute ! Tu as entendu ce bruit ?", "Oui… On devrait se dépêcher.", "se retourne, surpris"},
                }
                : new String[][] {
                    {
                        "Look, a clue! We are on the right track.",
                        "Amazing! Where does it lead?",
                        "discovers a mysterious clue"
                    },
                    {"Oh no, the path is blocked!", "There must be another way around.", "stops in front of an obstacle"
                    },
                    {"I have an idea. Follow me quietly.", "Okay, but slowly please!", "tiptoes forward"},
                    {"Listen! Did you hear that sound?", "Yes… We should hurry up.", "turns around, surprised"},
                };
        return middle[(i - 1) % middle.length];
    }
}
