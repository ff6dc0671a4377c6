package io.reelsmith.bench;

import java.util.List;
import java.util.Set;

/**
 * The texts of the wider subtitle set ({@link SpeechSet}): passages of four sentences, each sentence with a word
 * that a clip may swap ({@code {script|spoken}}) and most with a phrase it may leave out ({@code [-phrase-]}; a
 * sentence without one is left out whole), and sentences a clip may add. Each group of 24 clips (A, B, C) has
 * passages, added sentences and names of its own, so nothing said in the held-out group was heard while tuning.
 * Names are invented (no dictionary has them) and never inside a swap, a phrase left out or an added sentence.
 */
final class SetTexts {
    private SetTexts() {}

    static final Set<String> NAMES = Set.of(
            "kestrovar",
            "ulmina",
            "drazzik",
            "pelloquin",
            "yastrebel",
            "omberlain",
            "quillotte",
            "fennarax",
            "vexbrannow",
            "zavonia",
            "grumbrecht",
            "tirelle",
            "ossivane",
            "marzipek",
            "luthwenna",
            "brodsquall",
            "quembrisk",
            "halvardine",
            "oskapelle",
            "yorvalesk",
            "tizzandro",
            "mebrulla",
            "fraskovin",
            "dellweth");

    /** Group A (clips 00–23): tuned on since issue #26 began. */
    static final List<List<String>> EN_A = List.of(
            List.of(
                    "Kestrovar climbed the {narrow|crooked} stairs [-of the old lighthouse-] before dawn.",
                    "Ulmina waited below with a basket of {apples|pears} and warm bread.",
                    "The wind pulled at her coat [-and her long scarf-] while the waves grew {louder|taller}.",
                    "At last a green light {flashed|blinked} from the top of the tower."),
            List.of(
                    "Drazzik opened the {shop|store} early because the baker was ill.",
                    "Customers lined up [-in the cold street-] to buy fresh {rolls|cakes}.",
                    "Pelloquin counted the coins twice and {smiled|laughed} at the total.",
                    "By noon the shelves were {empty|bare} [-and the ovens had cooled-] at last."),
            List.of(
                    "The train to the mountains {left|departed} exactly at seven.",
                    "Yastrebel found a seat by the window [-near the back of the carriage-] and opened a {map|book}.",
                    "Omberlain brought two cups of {tea|coffee} from the dining car.",
                    "Snow covered the fields [-for as far as they could see-] beyond the {river|valley}."),
            List.of(
                    "Quillotte painted the {fence|gate} a bright shade of blue.",
                    "Her neighbour watched [-from behind the kitchen curtains-] and shook his {head|fist}.",
                    "Fennarax said the colour would {fade|peel} before the summer ended.",
                    "Nobody listened to him, [-as usual,-] and the fence stayed {blue|bright} for years."),
            List.of(
                    "Ulmina kept a small {garden|orchard} behind the old mill.",
                    "Every morning she carried water [-in two heavy buckets-] up the {hill|slope}.",
                    "Drazzik offered to build her a {pump|well} made of copper pipes.",
                    "She thanked him [-very politely-] but said the walk kept her {strong|young}."),
            List.of(
                    "The market square was {crowded|packed} on the first day of spring.",
                    "Kestrovar sold wooden toys [-that his father had carved-] from a green {cart|stall}.",
                    "Pelloquin played the {fiddle|flute} beside the fountain all afternoon.",
                    "When the sun went down, the lanterns were {lit|hung} one by one."));

    /** Group B (clips 24–47): held out for one run on 2026-12-07, studied after it, tuned on since. */
    static final List<List<String>> EN_B = List.of(
            List.of(
                    "Vexbrannow repaired clocks in a {tiny|dusty} room above the bridge.",
                    "Zavonia brought him a watch [-wrapped in a silk handkerchief-] that had stopped at {midnight|noon}.",
                    "He opened the back and {found|saw} a folded note inside.",
                    "The note was signed [-in faded purple ink-] by someone called {Maud|Ruth}."),
            List.of(
                    "Grumbrecht trained {horses|ponies} on a farm by the sea.",
                    "Every evening he rode along the beach [-until the tide came in-] and watched the {gulls|boats}.",
                    "Tirelle joined him one summer to learn how to {ride|jump}.",
                    "She fell off twice [-on the very first day-] but laughed each {time|morning}."),
            List.of(
                    "The library closed early because of the {storm|flood}.",
                    "Ossivane stayed behind [-among the tall shelves-] to finish a {letter|poem}.",
                    "Marzipek knocked on the window with a {lantern|torch} in his hand.",
                    "Together they walked home [-through the empty streets-] under one {umbrella|coat}."),
            List.of(
                    "Luthwenna grew the largest {pumpkins|melons} in the whole county.",
                    "Judges came from the city [-in a shiny black car-] to weigh them on a {scale|cart}.",
                    "Brodsquall claimed that his were {heavier|bigger} but nobody believed him.",
                    "The prize that year [-as in every year before-] went to the {farm|house} on the hill."),
            List.of(
                    "Zavonia taught the village children to {swim|sail} in the cold lake.",
                    "They practised every morning [-before the fishermen went out-] near the wooden {pier|dock}.",
                    "Vexbrannow lent them a {boat|raft} that his grandfather had built.",
                    "By autumn every child could cross the {lake|bay} without help."),
            List.of(
                    "Tirelle kept bees in {seven|twelve} white hives behind the church.",
                    "The honey tasted of clover [-and a little of lavender-] in the early {summer|spring}.",
                    "Grumbrecht traded her a {sack|bag} of flour for every jar.",
                    "Their arrangement lasted [-without a single argument-] for {twenty|thirty} years."));

    /** Group C (clips 48–71): the held-out half, written on 2026-12-07 after A and B had been tuned on. */
    static final List<List<String>> EN_C = List.of(
            List.of(
                    "Quembrisk ran a ferry across the {wide|grey} river every morning.",
                    "Halvardine sold the tickets [-from a little wooden booth-] at the {north|south} landing.",
                    "One day the {engine|rudder} broke halfway across the water.",
                    "Quembrisk mended it [-with a length of wire-] while the passengers {sang|waited}."),
            List.of(
                    "Oskapelle collected old {maps|coins} from markets across the country.",
                    "She kept them in a cabinet [-with glass doors and brass handles-] in her {study|attic}.",
                    "Yorvalesk once offered to {buy|borrow} the oldest one.",
                    "She refused [-without a moment's thought-] and locked the {cabinet|drawer}."),
            List.of(
                    "The bakery on the corner sold the best {bread|pies} in town.",
                    "Tizzandro woke before sunrise [-every single day-] to light the {ovens|fires}.",
                    "Mebrulla delivered the loaves on a {bicycle|wagon} with a bell.",
                    "The whole street smelled of {cinnamon|butter} by seven o'clock."),
            List.of(
                    "Fraskovin built a {kite|glider} from paper and thin sticks.",
                    "He flew it on the cliffs [-above the fishing village-] when the wind was {strong|steady}.",
                    "Dellweth ran beside him holding the {string|tail} of the kite.",
                    "It climbed higher [-than the church tower-] before the string {snapped|broke}."),
            List.of(
                    "Halvardine wrote letters to a friend who lived {overseas|abroad}.",
                    "Each letter took a month [-to cross the ocean-] on a slow {ship|steamer}.",
                    "Tizzandro carried them to the {post|mail} office in town.",
                    "The answers came back [-tied with blue ribbon-] every {spring|winter}."),
            List.of(
                    "Mebrulla mended broken {chairs|tables} in a shed behind her house.",
                    "Neighbours brought her furniture [-from all over the valley-] on their {carts|backs}.",
                    "Dellweth painted each one a {different|cheerful} colour when it was done.",
                    "Nobody in the village [-as far as anyone knew-] ever bought a new {chair|stool}."));

    static final List<List<String>> FR_A = List.of(
            List.of(
                    "Kestrovar a traversé la {forêt|plaine} avant le lever du soleil.",
                    "Ulmina portait un panier [-rempli de pommes rouges-] et une {lampe|bougie} à huile.",
                    "Ils ont entendu un {loup|chien} hurler au loin.",
                    "Le chemin descendait [-doucement vers la rivière-] jusqu'au vieux {moulin|pont}."),
            List.of(
                    "Drazzik a ouvert sa {boutique|librairie} très tôt ce matin.",
                    "Les clients attendaient [-dans la rue froide-] pour acheter du {pain|lait}.",
                    "Pelloquin a compté les pièces et il a {souri|ri} longtemps.",
                    "À midi, les étagères étaient {vides|nues} [-et le four était froid-] enfin."),
            List.of(
                    "Le train pour la montagne est {parti|arrivé} à sept heures.",
                    "Yastrebel a trouvé une place [-près de la fenêtre-] et a ouvert un {livre|journal}.",
                    "Omberlain a apporté deux tasses de {thé|café} bien chaud.",
                    "La neige couvrait les {champs|collines} de la vallée."));

    static final List<List<String>> FR_B = List.of(
            List.of(
                    "Vexbrannow réparait des {montres|horloges} au-dessus du pont.",
                    "Zavonia lui a apporté une montre [-enveloppée dans un mouchoir-] arrêtée à {minuit|midi}.",
                    "Il a trouvé une {lettre|note} pliée à l'intérieur.",
                    "La lettre était signée [-à l'encre violette-] par une {inconnue|voisine}."),
            List.of(
                    "Grumbrecht dressait des {chevaux|poneys} dans une ferme au bord de la mer.",
                    "Chaque soir, il longeait la plage [-jusqu'à la marée haute-] pour regarder les {mouettes|bateaux}.",
                    "Tirelle est venue un été pour apprendre à {monter|sauter}.",
                    "Elle est tombée deux fois [-le premier jour-] mais elle a toujours {ri|souri}."),
            List.of(
                    "La bibliothèque a fermé tôt à cause de {l'orage|la tempête}.",
                    "Ossivane est restée [-entre les grandes étagères-] pour finir une {lettre|chanson}.",
                    "Marzipek a frappé à la fenêtre avec une {lanterne|lampe} à la main.",
                    "Ils sont rentrés ensemble [-par les rues vides-] sous un seul {parapluie|manteau}."));

    static final List<List<String>> FR_C = List.of(
            List.of(
                    "Quembrisk conduisait un {bac|bateau} sur la grande rivière.",
                    "Halvardine vendait les billets [-dans une petite cabane-] sur la rive {nord|sud}.",
                    "Un jour, le {moteur|gouvernail} est tombé en panne.",
                    "Quembrisk l'a réparé [-avec un bout de fil-] pendant que les passagers {chantaient|attendaient}."),
            List.of(
                    "Oskapelle collectionnait les vieilles {cartes|pièces} des marchés.",
                    "Elle les gardait dans une armoire [-aux portes de verre-] dans son {bureau|grenier}.",
                    "Yorvalesk a voulu {acheter|emprunter} la plus ancienne.",
                    "Elle a refusé [-sans hésiter un instant-] et a fermé le {tiroir|placard}."),
            List.of(
                    "Fraskovin a construit un {avion|oiseau} en papier.",
                    "Il le faisait voler sur les falaises [-au-dessus du village-] quand le vent était {fort|régulier}.",
                    "Dellweth courait à côté en tenant la {ficelle|queue}.",
                    "Il est monté plus haut [-que le clocher-] avant que la ficelle ne {casse|lâche}."));

    static final List<String> ADDED_EN_A = List.of(
            "Nobody expected the rain to stop so suddenly.", "It was the coldest morning of the whole year.",
            "Somewhere far away a dog was barking.", "Everyone agreed it had been a very long day.",
            "The clock on the wall had stopped at noon.", "A small boat drifted slowly past the harbour.");
    static final List<String> ADDED_EN_B = List.of(
            "That story is still told in the village today.", "The smell of smoke hung in the air for hours.",
            "Nobody could remember who had started the rumour.", "It rained without stopping for the rest of the week.",
            "Two crows watched the whole thing from a chimney.", "Later that night the power went out again.");
    static final List<String> ADDED_FR_A = List.of(
            "Personne ne savait pourquoi la cloche sonnait.",
            "Il faisait plus froid que la veille.",
            "Un chat noir traversa la place en courant.");
    static final List<String> ADDED_FR_B = List.of(
            "Cette histoire est encore racontée au village.",
            "Il a plu toute la semaine suivante.",
            "Deux corbeaux regardaient la scène depuis le toit.");
    static final List<String> ADDED_EN_C = List.of(
            "The old bridge creaked loudly under every step.", "By then most of the shops had already closed.",
            "A cold wind came down from the hills that evening.", "Everyone in town seemed to know about it by lunch.",
            "The church bells rang out twice for no reason.", "Outside the window the snow kept falling quietly.");
    static final List<String> ADDED_FR_C = List.of(
            "Le vieux pont grinçait à chaque pas.",
            "À ce moment, presque toutes les boutiques étaient fermées.",
            "Les cloches de l'église ont sonné deux fois sans raison.");

    /** One group of 24 clips' texts. */
    record Group(List<List<String>> en, List<List<String>> fr, List<String> addedEn, List<String> addedFr) {}

    /** Groups A (clips 00–23), B (24–47) and C (48–71), in clip order. */
    static final List<Group> GROUPS = List.of(
            new Group(EN_A, FR_A, ADDED_EN_A, ADDED_FR_A),
            new Group(EN_B, FR_B, ADDED_EN_B, ADDED_FR_B),
            new Group(EN_C, FR_C, ADDED_EN_C, ADDED_FR_C));
}
