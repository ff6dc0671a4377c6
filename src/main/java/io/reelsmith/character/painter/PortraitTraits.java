package io.reelsmith.character.painter;

import io.reelsmith.kernel.CharacterProfile;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * What the portrait shows, read from the profile's words (English and French). Everything the words do not
 * decide is picked by a random generator seeded with the name, so a name always gives the same character.
 */
public record PortraitTraits(
        Kind kind,
        Color main,
        Color skin,
        Color hair,
        Color eyes,
        Color accent,
        int hairStyle,
        int emblem,
        Set<Accessory> accessories,
        RenderStyle style,
        long seed) {

    public enum Kind {
        HUMAN,
        ROBOT,
        CAT,
        DOG,
        BUNNY,
        BEAR,
        BIRD,
        BANANA,
        ROUND_FRUIT,
        ALIEN,
        GHOST
    }

    public enum Accessory {
        SUNGLASSES,
        GLASSES,
        HAT,
        CAP,
        WIZARD_HAT,
        CROWN,
        SCARF,
        BOWTIE,
        HEADPHONES,
        MUSTACHE,
        BEARD,
        CAPE,
        HAIR_BOW
    }

    private static final Set<String> FEMININE =
            Set.of("girl", "woman", "lady", "princess", "queen", "fille", "femme", "princesse", "reine", "dame");
    private static final List<Color> SKIN = List.of(
            new Color(0xF6D5B8),
            new Color(0xEBC09A),
            new Color(0xD29B72),
            new Color(0xA86F4C),
            new Color(0x7B4B31),
            new Color(0xF2C9A8));
    private static final List<Color> HAIR = List.of(
            new Color(0x2B1D14),
            new Color(0x5A3A22),
            new Color(0xB5742E),
            new Color(0xE2C16B),
            new Color(0x1C1C28),
            new Color(0x8E3B24));
    private static final List<Color> CLOTHES = List.of(
            new Color(0x3C78D8),
            new Color(0xE0533D),
            new Color(0x43A86B),
            new Color(0x8E5CC2),
            new Color(0xF2A33A),
            new Color(0x2BB3B1),
            new Color(0xE35D9C));

    public static PortraitTraits from(CharacterProfile profile) {
        long seed = seedOf(profile.name());
        Random rnd = new Random(seed);
        List<String> w = words(profile.description() + " " + profile.name());
        Kind kind = kindOf(w);
        Color main = pick(rnd, CLOTHES), skin = pick(rnd, SKIN), hair = pick(rnd, HAIR);
        Color eyes = new Color(0x3B2A20), accent = pick(rnd, CLOTHES);
        int hairStyle = rnd.nextInt(5), emblem = rnd.nextInt(4);
        if (hairStyle == 0 && w.stream().anyMatch(FEMININE::contains)) hairStyle = 2;
        // Kinds have a natural colour unless the words say otherwise.
        main = switch (kind) {
            case BANANA -> new Color(0xF7D33C);
            case ROUND_FRUIT ->
                w.contains("orange") && !w.contains("apple") ? new Color(0xF39A2B) : new Color(0xD93A2E);
            case ROBOT -> new Color(0xA9B4C2);
            case ALIEN -> new Color(0x7FD46B);
            case GHOST -> new Color(0xF4F4FA);
            case BEAR -> new Color(0x8B5A36);
            case CAT ->
                pick(rnd, List.of(new Color(0xF0963A), new Color(0x8D8D99), new Color(0x333338), new Color(0xE9E2D6)));
            case DOG -> pick(rnd, List.of(new Color(0xC98E55), new Color(0xE8D2B0), new Color(0x6B4A34)));
            case BUNNY -> pick(rnd, List.of(new Color(0xF3EFEA), new Color(0xB9A899), new Color(0xD9C2B0)));
            case BIRD -> pick(rnd, List.of(new Color(0x4A90E2), new Color(0xF2C230), new Color(0xE25A4A)));
            case HUMAN -> main;
        };
        boolean mainSaid = false;
        for (int i = 0; i < w.size(); i++) {
            Color c = ColorWords.colour(w.get(i));
            if (c == null) continue;
            String target = target(w, i);
            switch (target) {
                case "hair" -> hair = c;
                case "eyes" -> eyes = c;
                case "hat" -> accent = c;
                case "skin" -> {
                    if (kind == Kind.HUMAN) skin = c;
                    else {
                        main = c;
                        mainSaid = true;
                    }
                }
                default -> {
                    if (!mainSaid) {
                        main = c;
                        mainSaid = true;
                    } else accent = c;
                }
            }
        }
        // A little jitter keeps two same-looking descriptions apart: the name always shows.
        main = jitter(main, rnd);
        return new PortraitTraits(
                kind,
                main,
                skin,
                hair,
                eyes,
                accent,
                hairStyle,
                emblem,
                accessories(w),
                RenderStyle.from(profile.style()),
                seed);
    }

    /** FNV-1a over the lower-cased, trimmed name: a 64-bit seed that is the same on every JVM and run. */
    static long seedOf(String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.toLowerCase(Locale.ROOT).strip().getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    static List<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")).stream()
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private static Kind kindOf(List<String> w) {
        for (String s : w) {
            switch (s) {
                case "banana", "banane", "bananas", "bananes":
                    return Kind.BANANA;
                case "robot", "android", "androïde", "cyborg", "bot", "droid":
                    return Kind.ROBOT;
                case "cat", "kitten", "kitty", "chat", "chaton", "chatte":
                    return Kind.CAT;
                case "dog", "puppy", "chien", "chiot", "doggo":
                    return Kind.DOG;
                case "bunny", "rabbit", "lapin", "lapine":
                    return Kind.BUNNY;
                case "bear", "ours", "panda", "teddy":
                    return Kind.BEAR;
                case "bird",
                        "oiseau",
                        "owl",
                        "hibou",
                        "chouette",
                        "parrot",
                        "perroquet",
                        "penguin",
                        "pingouin",
                        "manchot",
                        "duck",
                        "canard":
                    return Kind.BIRD;
                case "apple",
                        "pomme",
                        "tomato",
                        "tomate",
                        "strawberry",
                        "fraise",
                        "cherry",
                        "cerise",
                        "peach",
                        "pêche",
                        "fruit":
                    return Kind.ROUND_FRUIT;
                case "alien", "martian", "martien", "extraterrestre":
                    return Kind.ALIEN;
                case "ghost", "fantôme", "spectre", "spirit", "esprit":
                    return Kind.GHOST;
                default:
                    break;
            }
        }
        return Kind.HUMAN;
    }

    /** What a colour word describes: the noun after it (English) or before it (French), else the whole body. */
    private static String target(List<String> w, int i) {
        for (int j : new int[] {i + 1, i - 1, i + 2}) {
            if (j < 0 || j >= w.size()) continue;
            switch (w.get(j)) {
                case "hair", "cheveux", "hairstyle", "mane", "chevelure", "coiffure":
                    return "hair";
                case "eyes", "eye", "yeux", "oeil", "œil":
                    return "eyes";
                case "hat",
                        "cap",
                        "chapeau",
                        "casquette",
                        "beret",
                        "béret",
                        "beanie",
                        "bonnet",
                        "scarf",
                        "écharpe",
                        "foulard",
                        "cape",
                        "bow",
                        "ribbon",
                        "ruban",
                        "headphones",
                        "casque",
                        "tie",
                        "cravate",
                        "crown",
                        "couronne":
                    return "hat";
                case "skin", "fur", "peau", "pelage", "fourrure", "feathers", "plumes":
                    return "skin";
                default:
                    break;
            }
        }
        return "body";
    }

    private static Set<Accessory> accessories(List<String> w) {
        Set<Accessory> a = EnumSet.noneOf(Accessory.class);
        for (int i = 0; i < w.size(); i++) {
            String s = w.get(i);
            String next = i + 1 < w.size() ? w.get(i + 1) : "", next2 = i + 2 < w.size() ? w.get(i + 2) : "";
            switch (s) {
                case "sunglasses", "shades" -> a.add(Accessory.SUNGLASSES);
                case "lunettes" ->
                    a.add(next.equals("soleil") || next2.equals("soleil") ? Accessory.SUNGLASSES : Accessory.GLASSES);
                case "glasses", "spectacles", "monocle" -> a.add(Accessory.GLASSES);
                case "hat", "chapeau", "fedora", "beret", "béret", "beanie", "bonnet" -> a.add(Accessory.HAT);
                case "cap", "casquette" -> a.add(Accessory.CAP);
                case "wizard", "witch", "sorcier", "sorcière", "magicien", "magicienne", "mage" ->
                    a.add(Accessory.WIZARD_HAT);
                case "crown", "king", "queen", "prince", "princess", "couronne", "roi", "reine", "princesse" ->
                    a.add(Accessory.CROWN);
                case "scarf", "écharpe", "foulard" -> a.add(Accessory.SCARF);
                case "bowtie", "papillon" -> a.add(Accessory.BOWTIE);
                case "bow" -> a.add(next.equals("tie") ? Accessory.BOWTIE : Accessory.HAIR_BOW);
                case "ribbon", "ruban", "noeud", "nœud" ->
                    a.add(next.equals("papillon") ? Accessory.BOWTIE : Accessory.HAIR_BOW);
                case "headphones", "headset", "écouteurs", "dj" -> a.add(Accessory.HEADPHONES);
                case "mustache", "moustache", "moustached" -> a.add(Accessory.MUSTACHE);
                case "beard", "barbe", "bearded", "barbu" -> a.add(Accessory.BEARD);
                case "cape", "superhero", "hero", "héros", "superhéros", "super" -> a.add(Accessory.CAPE);
                default -> {}
            }
        }
        if (a.contains(Accessory.SUNGLASSES)) a.remove(Accessory.GLASSES);
        return a;
    }

    private static Color pick(Random rnd, List<Color> colours) {
        return colours.get(rnd.nextInt(colours.size()));
    }

    private static Color jitter(Color c, Random rnd) {
        return new Color(
                clamp(c.getRed() + rnd.nextInt(25) - 12),
                clamp(c.getGreen() + rnd.nextInt(25) - 12),
                clamp(c.getBlue() + rnd.nextInt(25) - 12));
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }
}
