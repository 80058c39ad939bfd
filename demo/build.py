#!/usr/bin/env python3
"""Builds demo/articles.jsonl and demo/gold.jsonl from the annotated articles below.

The twelve articles are original, fictional-but-plausible news reports written for recoupe
(licence: the repository's, Apache-2.0). Every person quoted is invented. Annotations follow the
shared corpus's GUIDELINES.md and are written inline so that each span is reviewed where it
stands:

    [E:TYPE:id|text]                    entity mention (PER, ORG, LOC, MISC); may contain [N:…]
    [N:CC|text]                         nationality adjective or demonym (ISO 3166-1 alpha-2)
    [D:value|text]                      date; value YYYY-MM-DD, YYYY-MM, YYYY, start/end or null
    [Q:value:qualifier:unit|text]       quantity; value N or LOW-HIGH

Attributions and unsourced sentences are listed after each article (their spans overlap the
rest). Places are generated for each LOC id from PLACES. The script checks that every gold
item is placed, by FORMAT.md's cursor rule, exactly where the markup put it.

Run: python3 demo/build.py   (no dependencies; rewrites the two JSONL files)
"""

import json
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent

# id: (usual name, country or None, kind, lat, lon)
PLACES = {
    "al-anbar": ("Al Anbar Governorate", "IQ", "admin", 33.2, 42.3),
    "al-qaim": ("Al-Qa'im", "IQ", "city", 34.37, 41.09),
    "baghdad": ("Baghdad", "IQ", "city", 33.3152, 44.3661),
    "deir-ez-zor": ("Deir ez-Zor", "SY", "city", 35.336, 40.14),
    "syria": ("Syria", "SY", "country", 35.0, 38.5),
    "iraq": ("Iraq", "IQ", "country", 33.0, 43.7),
    "washington": ("Washington", "US", "city", 38.9072, -77.0369),
    "al-hasakah": ("Al-Hasakah", "SY", "city", 36.5, 40.75),
    "israel": ("Israel", "IL", "country", 31.5, 34.9),
    "nabatieh": ("Nabatieh", "LB", "city", 33.378, 35.484),
    "abu-kamal": ("Abu Kamal", "SY", "city", 34.452, 40.918),
    "hodeidah": ("Hodeidah", "YE", "city", 14.798, 42.954),
    "red-sea": ("Red Sea", None, "area", None, None),
    "gaza": ("Gaza Strip", "PS", "area", 31.42, 34.36),
    "rafah": ("Rafah", "PS", "city", 31.287, 34.25),
    "egypt": ("Egypt", "EG", "country", 26.8, 30.8),
    "paris": ("Paris", "FR", "city", 48.8566, 2.3522),
    "brussels": ("Brussels", "BE", "city", 50.8467, 4.3525),
    "antwerp": ("Antwerp", "BE", "city", 51.2194, 4.4025),
    "geneva": ("Geneva", "CH", "city", 46.2044, 6.1432),
    "vaud": ("Canton of Vaud", "CH", "admin", 46.57, 6.65),
    "switzerland": ("Switzerland", "CH", "country", 46.8, 8.2),
    "montreal": ("Montreal", "CA", "city", 45.5017, -73.5673),
    "quebec": ("Quebec", "CA", "admin", 52.0, -72.0),
    "new-york": ("New York", "US", "admin", 43.0, -75.5),
    "ivory-coast": ("Ivory Coast", "CI", "country", 7.5, -5.5),
    "senegal": ("Senegal", "SN", "country", 14.5, -14.45),
    "abidjan": ("Abidjan", "CI", "city", 5.3600, -4.0083),
    "dakar": ("Dakar", "SN", "city", 14.6928, -17.4467),
    "euphrates": ("Euphrates", "SY", "river", None, None),
}

ARTICLES = []


def article(id, pool, outlet, published, cluster, text, attributions, unsourced):
    ARTICLES.append(
        dict(
            id=id,
            pool=pool,
            outlet=outlet,
            published=published,
            cluster=cluster,
            marked=text,
            attributions=attributions,
            unsourced=unsourced,
        )
    )


def att(content, speaker, speaker_text, kind, hedged=False, via=()):
    return {
        "content": content,
        "speaker": speaker,
        "speaker_text": speaker_text,
        "via": list(via),
        "kind": kind,
        "hedged": hedged,
    }


# --------------------------------------------------------------------------- demo-01
article(
    "demo-01", "domain", "courrier-du-levant", "2019-01-20", None,
    "Les [E:ORG:hachd-al-chaabi|Hachd al-Chaabi] envoient des renforts vers la frontière [N:SY|syrienne]\n"
    "Les [E:ORG:hachd-al-chaabi|Hachd al-Chaabi] ont dépêché [Q:1500:exact:combattants|1 500 combattants "
    "supplémentaires] dans la province d'[E:LOC:al-anbar|al-Anbar] [D:2019-01-18|ce vendredi 18 janvier], a annoncé "
    "l'un de leurs responsables, [E:PER:hussein-qassem|Hussein Qassem]. « Nos unités tiennent désormais chaque point "
    "de passage entre [E:LOC:al-qaim|al-Qaïm] et le fleuve. Aucun groupe terroriste ne pourra franchir cette ligne », "
    "a-t-il déclaré à la chaîne [E:ORG:al-sumaria|al-Sumaria].\n"
    "Selon [E:ORG:press-tv|Press TV] citant l'agence [E:ORG:fars-news-agency|Fars], "
    "[Q:20-30:range:véhicules|entre 20 et 30 véhicules blindés] accompagneraient ces troupes. Cette information n'a pas "
    "été confirmée par [E:LOC:baghdad|Bagdad].\n"
    "D'après une source sécuritaire [N:IQ|irakienne], des cellules de [E:ORG:islamic-state|Daech] seraient encore "
    "actives dans le désert autour de [E:LOC:deir-ez-zor|Deir Ezzor], de l'autre côté de la frontière. "
    "M. [E:PER:hussein-qassem|Qassem] a par ailleurs accusé les [E:MISC:americans|Américains] de survoler la zone sans "
    "autorisation. L'[E:ORG:iraqi-army|armée [N:IQ|irakienne]] n'a pas réagi.\n"
    "Le déploiement a commencé [D:2019-01-15|mardi dernier], au lendemain d'une embuscade qui a fait "
    "[Q:3:exact:morts|trois morts] parmi les miliciens près de la localité frontalière.",
    [
        att("Les Hachd al-Chaabi ont dépêché 1 500 combattants supplémentaires", "hussein-qassem",
            "l'un de leurs responsables, Hussein Qassem", "indirect"),
        att("Nos unités tiennent désormais chaque point de passage", "hussein-qassem", "il", "direct",
            via=["al-sumaria"]),
        att("entre 20 et 30 véhicules blindés accompagneraient ces troupes", "fars-news-agency", "l'agence Fars",
            "according_to", hedged=True, via=["press-tv"]),
        att("des cellules de Daech seraient encore actives dans le désert", None,
            "une source sécuritaire irakienne", "according_to", hedged=True),
        att("les Américains de survoler la zone sans autorisation", "hussein-qassem", "M. Qassem", "indirect"),
    ],
    [
        "Les Hachd al-Chaabi envoient des renforts vers la frontière",
        "Cette information n'a pas été confirmée par Bagdad",
        "L'armée irakienne n'a pas réagi",
        "Le déploiement a commencé mardi dernier",
    ],
)

# --------------------------------------------------------------------------- demo-02 / demo-03 (syndicated)
SYNDICATED = (
    "Coup de filet des [E:ORG:syrian-democratic-forces|FDS] contre des cadres de [E:ORG:islamic-state|Daech] près de "
    "[E:LOC:deir-ez-zor|{deir1}]\n"
    "Les [E:ORG:syrian-democratic-forces|Forces démocratiques [N:SY|syriennes]] ont arrêté "
    "[Q:12:exact:membres|douze membres présumés] de [E:ORG:islamic-state|Daech] lors d'une opération menée "
    "[D:{thursday}|jeudi] à l'est de [E:LOC:deir-ez-zor|{deir2}], a {verb} leur porte-parole, "
    "[E:PER:farid-hamo|Farid Hamo]. « Parmi eux figurent [Q:2:exact:responsables|deux responsables de la logistique] du groupe. Ils "
    "préparaient des attentats contre des marchés », a-t-il ajouté.\n"
    "Les [E:ORG:syrian-democratic-forces|FDS], une alliance dominée par les combattants kurdes, multiplient les raids "
    "dans cette région pétrolière traversée par l'[E:LOC:euphrates|Euphrate].\n"
    "Selon l'[E:ORG:syrian-observatory-for-human-rights|Observatoire [N:SY|syrien] des droits de l'homme] "
    "([E:ORG:syrian-observatory-for-human-rights|OSDH]), [Q:40:more_than:personnes|plus de 40 personnes] ont été "
    "interpellées dans la province [D:{range}|du 3 au 5 mars]. Le colonel [E:PER:scott-rawlins|Scott Rawlins], "
    "porte-parole de la coalition conduite par [E:LOC:washington|Washington], a salué « une opération précise "
    "et efficace ».\n"
    "Les suspects auraient été transférés vers un centre de détention à [E:LOC:al-hasakah|Hassaké], d'après des "
    "médias locaux.{tail}"
)
SYNDICATED_ATTRIBUTIONS = [
    att("Les Forces démocratiques syriennes ont arrêté douze membres présumés", "farid-hamo",
        "leur porte-parole, Farid Hamo", "indirect"),
    att("Parmi eux figurent deux responsables de la logistique du groupe", "farid-hamo", "il", "direct"),
    att("plus de 40 personnes ont été interpellées dans la province", "syrian-observatory-for-human-rights",
        "l'Observatoire syrien des droits de l'homme", "according_to"),
    att("une opération précise et efficace", "scott-rawlins", "Le colonel Scott Rawlins", "mixed"),
    att("Les suspects auraient été transférés vers un centre de détention", None, "des médias locaux",
        "according_to", hedged=True),
]
SYNDICATED_UNSOURCED = [
    "Coup de filet des FDS contre des cadres de Daech",
    "Les FDS, une alliance dominée par les combattants kurdes",
]
article(
    "demo-02", "domain", "agence-levant-presse", "2019-03-08", "fds-raid-deir-ez-zor-2019-03",
    SYNDICATED.format(
        deir1="Deir ez-Zor", deir2="Deir ez-Zor", thursday="2019-03-07", verb="indiqué",
        range="2019-03-03/2019-03-05",
        tail=" [Q:200-900:range:combattants|Des centaines de combattants] de l'organisation restent détenus "
             "dans la région.",
    ),
    SYNDICATED_ATTRIBUTIONS,
    SYNDICATED_UNSOURCED + ["Des centaines de combattants de l'organisation restent détenus"],
)
# The copy has no publication date and no year anywhere, so "jeudi" and "du 3 au 5 mars" cannot
# be placed on the calendar (GUIDELINES.md: null).
article(
    "demo-03", "domain", "gazette-de-l-orient", None, "fds-raid-deir-ez-zor-2019-03",
    SYNDICATED.format(
        deir1="Deir ez-Zor", deir2="Deir Ezzor", thursday="null", verb="déclaré", range="null", tail="",
    ),
    SYNDICATED_ATTRIBUTIONS,
    SYNDICATED_UNSOURCED,
)

# --------------------------------------------------------------------------- demo-04
article(
    "demo-04", "domain", "beyrouth-matin", "2024-11-22", None,
    "Les [E:ORG:kataib-hezbollah|Kataëb Hezbollah] revendiquent une attaque, le [E:ORG:hezbollah|Hezbollah] prend "
    "ses distances\n"
    "La milice [N:IQ|irakienne] des [E:ORG:kataib-hezbollah|Kataëb Hezbollah] a revendiqué [D:2024-11-21|jeudi] une "
    "attaque de drones contre une position [N:US|américaine] dans l'est de la [E:LOC:syria|Syrie]. Le "
    "[E:ORG:hezbollah|Hezbollah] [N:LB|libanais] a aussitôt affirmé qu'il n'avait « aucun rôle » dans cette "
    "opération.\n"
    "Le député [E:PER:hassan-mroue|Hassan Mroué], membre du bloc parlementaire du parti, a assuré que sa formation "
    "respectait le cessez-le-feu conclu avec [E:LOC:israel|Israël]. « Nous ne serons pas entraînés dans une guerre "
    "décidée ailleurs », a-t-il ajouté lors d'un rassemblement à [E:LOC:nabatieh|Nabatiyé].\n"
    "Selon des informations non confirmées, [Q:15:about:drones|une quinzaine de drones] auraient été lancés depuis "
    "la région d'[E:LOC:abu-kamal|Albou Kamal], près de la frontière avec l'[E:LOC:iraq|Irak]. "
    "[E:LOC:washington|Washington] n'a pas commenté.\n"
    "D'après un responsable de la sécurité [N:IQ|irakien] cité par l'agence [E:ORG:reuters|Reuters], "
    "[Q:2:exact:commandants|deux commandants] de la milice se trouvaient dans la zone au moment des tirs. "
    "La dernière attaque du même type remontait au [D:2024-09-03|3 septembre].",
    [
        att("il n'avait « aucun rôle » dans cette opération", "hezbollah", "Le Hezbollah libanais", "mixed"),
        att("sa formation respectait le cessez-le-feu conclu avec Israël", "hassan-mroue",
            "Le député Hassan Mroué", "indirect"),
        att("Nous ne serons pas entraînés dans une guerre", "hassan-mroue", "il", "direct"),
        att("une quinzaine de drones auraient été lancés depuis la région", None,
            "des informations non confirmées", "according_to", hedged=True),
        att("deux commandants de la milice se trouvaient dans la zone", None,
            "un responsable de la sécurité irakien", "according_to", via=["reuters"]),
    ],
    [
        "Les Kataëb Hezbollah revendiquent une attaque",
        "La milice irakienne des Kataëb Hezbollah a revendiqué jeudi",
        "Washington n'a pas commenté",
        "La dernière attaque du même type remontait",
    ],
)

# --------------------------------------------------------------------------- demo-05
article(
    "demo-05", "domain", "le-quotidien-d-aden", "2024-02-10", None,
    "[E:LOC:red-sea|Mer Rouge] : un cargo touché par un missile au large d'[E:LOC:hodeidah|Hodeïda]\n"
    "Un cargo chargé de céréales a été touché [D:2024-02-08|jeudi] par un missile au large du port "
    "[N:YE|yéménite] d'[E:LOC:hodeidah|Hodeïda], a annoncé le "
    "[E:ORG:us-central-command|Commandement central [N:US|américain]] "
    "([E:ORG:us-central-command|Centcom]) dans un communiqué.\n"
    "Les [E:ORG:houthis|Houthis] ont revendiqué le tir. « Nos opérations continueront tant que le blocus de "
    "[E:LOC:gaza|Gaza] ne sera pas levé », a affirmé leur porte-parole, [E:PER:abdel-karim-al-hadi|Abdel Karim "
    "al-Hadi], dans une vidéo diffusée par la chaîne [E:ORG:al-masirah|al-Masirah].\n"
    "D'après l'agence [N:GB|britannique] [E:ORG:ukmto|UKMTO], l'équipage de [Q:23:exact:marins|23 marins] serait "
    "sain et sauf, mais le navire aurait subi des dégâts importants à la proue.\n"
    "Depuis [D:2023-11|novembre], [Q:20-90:range:navires|des dizaines de navires] ont renoncé à emprunter la "
    "[E:LOC:red-sea|mer Rouge] et contournent l'[E:LOC:africa|Afrique]. Le trafic dans le détroit a chuté "
    "de près de moitié, et les primes d'assurance ont triplé.\n"
    "Le ministre [N:FR|français] des Armées, [E:PER:luc-ferrand|Luc Ferrand], a estimé que la liberté de navigation "
    "devait « être défendue sans relâche ».",
    [
        att("Un cargo chargé de céréales a été touché jeudi par un missile", "us-central-command",
            "le Commandement central américain (Centcom)", "indirect"),
        att("Nos opérations continueront tant que le blocus de Gaza", "abdel-karim-al-hadi",
            "leur porte-parole, Abdel Karim al-Hadi", "direct", via=["al-masirah"]),
        att("l'équipage de 23 marins serait sain et sauf", "ukmto", "l'agence britannique UKMTO",
            "according_to", hedged=True),
        att("la liberté de navigation devait « être défendue sans relâche", "luc-ferrand",
            "Le ministre français des Armées, Luc Ferrand", "mixed"),
    ],
    [
        "Mer Rouge : un cargo touché par un missile",
        "Les Houthis ont revendiqué le tir",
        "Depuis novembre, des dizaines de navires ont renoncé",
        "Le trafic dans le détroit a chuté de près de moitié",
    ],
)

# --------------------------------------------------------------------------- demo-06
article(
    "demo-06", "domain", "nil-info", "2024-03-15", None,
    "[E:LOC:gaza|Gaza] : [Q:200-900:range:camions|des centaines de camions d'aide] bloqués à [E:LOC:rafah|Rafah]\n"
    "[Q:200-900:range:camions|Des centaines de camions] chargés de vivres attendent depuis [D:2024-03-12|mardi dernier] "
    "du côté [N:EG|égyptien] de la frontière, à [E:LOC:rafah|Rafah]. « Nous avons "
    "[Q:1500:more_than:tonnes|plus de 1 500 tonnes de farine] immobilisées sous le soleil. Chaque jour perdu se "
    "paie en vies humaines », a déclaré Mme [E:PER:helene-duval|Hélène Duval], porte-parole du "
    "[E:ORG:world-food-programme|Programme alimentaire mondial] ([E:ORG:world-food-programme|PAM]).\n"
    "Selon une source sécuritaire [N:EG|égyptienne], les inspections [N:IL|israéliennes] ralentiraient les passages, "
    "limités à [Q:15:about:camions|une quinzaine de camions] par jour. Les autorités [N:IL|israéliennes] affirment de "
    "leur côté que les contrôles sont indispensables.\n"
    "D'après le [E:ORG:gaza-health-ministry|ministère de la Santé de Gaza], "
    "[Q:27:more_than:personnes|au moins 27 personnes] ont été tuées dans la nuit, dont "
    "[Q:9:exact:enfants|neuf enfants]. Ces chiffres n'ont pas pu être vérifiés de manière indépendante.\n"
    "L'[E:LOC:egypt|Egypte] a appelé [D:2024-03-14|hier] à l'ouverture de nouveaux points d'entrée.",
    [
        att("Nous avons plus de 1 500 tonnes de farine immobilisées", "helene-duval",
            "Mme Hélène Duval, porte-parole du Programme alimentaire mondial", "direct"),
        att("les inspections israéliennes ralentiraient les passages", None, "une source sécuritaire égyptienne",
            "according_to", hedged=True),
        att("les contrôles sont indispensables", None, "Les autorités israéliennes", "indirect"),
        att("au moins 27 personnes ont été tuées dans la nuit", "gaza-health-ministry",
            "le ministère de la Santé de Gaza", "according_to"),
        att("à l'ouverture de nouveaux points d'entrée", "egypt", "L'Egypte", "indirect"),
    ],
    [
        "Gaza : des centaines de camions d'aide bloqués",
        "Des centaines de camions chargés de vivres attendent",
        "Ces chiffres n'ont pas pu être vérifiés",
    ],
)

# --------------------------------------------------------------------------- demo-07
article(
    "demo-07", "general", "politique-hebdo", "2025-11-28", None,
    "Budget : l'[E:ORG:national-assembly-france|Assemblée nationale] adopte la première partie du texte\n"
    "Les députés ont adopté [D:2025-11-27|jeudi soir] la partie recettes du projet de loi de finances par "
    "[Q:289:exact:voix|289 voix] contre [Q:251:exact:voix|251]. Le texte part maintenant au "
    "[E:ORG:french-senate|Sénat], qui l'examinera [D:2025-12-10/2025-12-12|du 10 au 12 décembre].\n"
    "« C'est un compromis fragile, mais c'est un compromis », s'est félicitée la rapporteure générale, "
    "Mme [E:PER:claire-besson|Claire Besson]. Elle a reconnu que [Q:20-90:range:amendements|des dizaines "
    "d'amendements] avaient été écartés faute de temps.\n"
    "Les élus de [E:ORG:la-france-insoumise|La France insoumise] ont voté contre. Leur président de groupe, "
    "M. [E:PER:julien-arnaud|Julien Arnaud], a dénoncé « un budget d'austérité qui ne dit pas son nom ». "
    "[E:ORG:les-republicains|Les Républicains] se sont majoritairement abstenus. Le "
    "[E:ORG:rassemblement-national|Rassemblement national] a annoncé qu'il déposerait une motion de censure si "
    "le gouvernement recourait au 49.3.\n"
    "Le ministre de l'Economie, [E:PER:marc-lefort|Marc Lefort], a promis, lors d'un déplacement à [E:LOC:paris|Paris], que "
    "[Q:5000000000:exact:euros|5 milliards d'euros] d'économies supplémentaires seraient trouvés dans les "
    "prochains mois.",
    [
        att("C'est un compromis fragile, mais c'est un compromis", "claire-besson",
            "la rapporteure générale, Mme Claire Besson", "direct"),
        att("des dizaines d'amendements avaient été écartés faute de temps", "claire-besson", "Elle", "indirect"),
        att("un budget d'austérité qui ne dit pas son nom", "julien-arnaud",
            "Leur président de groupe, M. Julien Arnaud", "mixed"),
        att("il déposerait une motion de censure si le gouvernement", "rassemblement-national",
            "Le Rassemblement national", "indirect"),
        att("5 milliards d'euros d'économies supplémentaires seraient trouvés", "marc-lefort",
            "Le ministre de l'Economie, Marc Lefort", "indirect"),
    ],
    [
        "Budget : l'Assemblée nationale adopte la première partie",
        "Les députés ont adopté jeudi soir la partie recettes",
        "Le texte part maintenant au Sénat",
        "Les élus de La France insoumise ont voté contre",
        "Les Républicains se sont majoritairement abstenus",
    ],
)

# --------------------------------------------------------------------------- demo-08
article(
    "demo-08", "general", "le-soir-de-bruxelles", "2023-06-02", None,
    "Fraude aux subsides : [Q:4:exact:prévenus|quatre prévenus] condamnés à [E:LOC:brussels|Bruxelles]\n"
    "Le [E:ORG:brussels-criminal-court|tribunal correctionnel de Bruxelles] a condamné [D:2023-05-30|mardi dernier] "
    "[Q:4:exact:dirigeants|quatre dirigeants] d'une société de formation à des peines de prison avec sursis pour "
    "avoir détourné des subsides régionaux. Le préjudice est estimé à [Q:2300000:about:euros|environ 2,3 millions "
    "d'euros].\n"
    "Le principal prévenu, un entrepreneur d'[E:LOC:antwerp|Anvers] âgé de 52 ans, devra en outre payer une amende de "
    "[Q:10000:exact:euros|10.000 euros]. Selon le jugement, il aurait « sciemment organisé » un système de fausses "
    "factures [D:2016/2019|entre 2016 et 2019].\n"
    "Son avocat, Me [E:PER:pierre-vandamme|Pierre Vandamme], a annoncé qu'il ferait appel. « Mon client a toujours "
    "contesté les faits. La décision ne tient pas compte des pièces que nous avons déposées », a-t-il expliqué à la "
    "sortie de l'audience.\n"
    "Le parquet avait requis des peines plus lourdes. La [E:ORG:brussels-capital-region|Région bruxelloise], partie "
    "civile, récupérera une partie des sommes, d'après son porte-parole.\n"
    "L'enquête avait été ouverte en [D:2020-09|septembre 2020] après un signalement de la [E:ORG:belgian-court-of-audit|Cour des "
    "comptes].",
    [
        att("il aurait « sciemment organisé » un système de fausses factures", None, "le jugement",
            "according_to", hedged=True),
        att("il ferait appel", "pierre-vandamme", "Son avocat, Me Pierre Vandamme", "indirect"),
        att("Mon client a toujours contesté les faits", "pierre-vandamme", "il", "direct"),
        att("La Région bruxelloise, partie civile, récupérera une partie des sommes", None, "son porte-parole",
            "according_to"),
    ],
    [
        "Fraude aux subsides : quatre prévenus condamnés",
        "Le tribunal correctionnel de Bruxelles a condamné",
        "Le préjudice est estimé à environ 2,3 millions",
        "Le principal prévenu, un entrepreneur d'Anvers",
        "Le parquet avait requis des peines plus lourdes",
        "L'enquête avait été ouverte en septembre 2020",
    ],
)

# --------------------------------------------------------------------------- demo-09
article(
    "demo-09", "general", "tribune-lemanique", "2024-10-04", None,
    "Grippe : la [E:LOC:switzerland|Suisse] lance sa campagne de vaccination plus tôt que prévu\n"
    "L'[E:ORG:swiss-federal-office-of-public-health|Office fédéral de la santé publique] "
    "([E:ORG:swiss-federal-office-of-public-health|OFSP]) a avancé au [D:2024-10-07|lundi 7 octobre] le début de sa "
    "campagne de vaccination contre la grippe. Selon l'[E:ORG:swiss-federal-office-of-public-health|OFSP], "
    "[Q:1200:more_than:cas|plus de 1 200 cas confirmés] en laboratoire ont été déclarés depuis la fin de l'été, "
    "un niveau inhabituel pour la saison.\n"
    "« Nous voulons protéger les personnes âgées avant le pic de l'hiver », a expliqué sa directrice, "
    "[E:PER:anne-roulin|Anne Roulin], lors d'une conférence de presse à [E:LOC:bern|Berne]. Elle a ajouté que "
    "[Q:1400000:about:doses|près de 1,4 million de doses] avaient été commandées.\n"
    "Les pharmacies de [E:LOC:geneva|Genève] et du canton de [E:LOC:vaud|Vaud] pourront vacciner sans ordonnance. "
    "Les [E:ORG:geneva-university-hospitals|Hôpitaux universitaires de Genève] ([E:ORG:geneva-university-hospitals|HUG]) signalent déjà "
    "[Q:30:more_than:hospitalisations|plus de 30 hospitalisations] liées au virus, selon un médecin du service des "
    "urgences.\n"
    "[D:2023|L'an dernier], la couverture vaccinale des plus de 65 ans était restée inférieure à la moitié.",
    [
        att("plus de 1 200 cas confirmés en laboratoire ont été déclarés", "swiss-federal-office-of-public-health",
            "l'OFSP", "according_to"),
        att("Nous voulons protéger les personnes âgées avant le pic", "anne-roulin",
            "sa directrice, Anne Roulin", "direct"),
        att("près de 1,4 million de doses avaient été commandées", "anne-roulin", "Elle", "indirect"),
        att("Les Hôpitaux universitaires de Genève (HUG) signalent déjà", None,
            "un médecin du service des urgences", "according_to"),
    ],
    [
        "Grippe : la Suisse lance sa campagne de vaccination",
        "L'Office fédéral de la santé publique (OFSP) a avancé",
        "Les pharmacies de Genève et du canton de Vaud",
        "L'an dernier, la couverture vaccinale",
    ],
)

# --------------------------------------------------------------------------- demo-10
article(
    "demo-10", "general", "le-journal-economique-de-montreal", "2025-04-17", None,
    "[E:ORG:hydro-quebec|Hydro-Québec] lance un parc éolien de [Q:2500000000:exact:dollars|2,5 milliards de dollars]\n"
    "La société d'État [E:ORG:hydro-quebec|Hydro-Québec] a dévoilé [D:2025-04-16|mercredi] à "
    "[E:LOC:montreal|Montréal] un projet éolien de [Q:2500000000:exact:dollars|2,5 milliards de dollars] dans la "
    "région du [E:LOC:saguenay|Saguenay]. Le parc comptera [Q:150:about:éoliennes|environ 150 éoliennes] et devrait alimenter "
    "[Q:200000:more_than:foyers|plus de 200 000 foyers] à partir de [D:2029|2029].\n"
    "« Le [E:LOC:quebec|Québec] aura besoin de beaucoup plus d'électricité au cours de la prochaine décennie », a "
    "affirmé la ministre de l'Economie, Mme [E:PER:sophie-tremblay|Sophie Tremblay]. Le projet créera "
    "[Q:800:exact:emplois|800 emplois] pendant la construction, a-t-elle ajouté.\n"
    "Les communautés innues de la région détiendront une participation de 30 % dans le projet, selon "
    "le communiqué de la société.\n"
    "Certains économistes jugent l'échéancier trop optimiste. D'après l'analyste [E:PER:martin-gagnon|Martin "
    "Gagnon], de la [E:ORG:national-bank-of-canada|Banque Nationale], les coûts pourraient dépasser largement les "
    "prévisions. [E:ORG:hydro-quebec|Hydro-Québec] exporte déjà une partie de sa production vers l'État de "
    "[E:LOC:new-york|New York].",
    [
        att("Le Québec aura besoin de beaucoup plus d'électricité", "sophie-tremblay",
            "la ministre de l'Economie, Mme Sophie Tremblay", "direct"),
        att("Le projet créera 800 emplois pendant la construction", "sophie-tremblay", "elle", "indirect"),
        att("Les communautés innues de la région détiendront une participation", "hydro-quebec",
            "le communiqué de la société", "according_to"),
        att("l'échéancier trop optimiste", None, "Certains économistes", "indirect"),
        att("les coûts pourraient dépasser largement les prévisions", "martin-gagnon", "l'analyste Martin Gagnon",
            "according_to"),
    ],
    [
        "Hydro-Québec lance un parc éolien",
        "La société d'État Hydro-Québec a dévoilé mercredi",
        "Le parc comptera environ 150 éoliennes",
        "Hydro-Québec exporte déjà une partie de sa production",
    ],
)

# --------------------------------------------------------------------------- demo-11
article(
    "demo-11", "general", "abidjan-sport", "2024-01-29", None,
    "[E:MISC:africa-cup-of-nations|CAN] : la [E:LOC:ivory-coast|Côte d'Ivoire] élimine le [E:LOC:senegal|Sénégal] aux tirs au but\n"
    "Portés par [Q:50000:more_than:spectateurs|plus de 50 000 spectateurs], les [E:ORG:ivory-coast-national-football-team|Eléphants] "
    "ont renversé [D:2024-01-29|ce lundi 29 janvier] les [E:ORG:senegal-national-football-team|Lions de la Teranga] "
    "en huitièmes de finale de la [E:MISC:africa-cup-of-nations|Coupe d'Afrique des nations], au stade de "
    "[E:LOC:yamoussoukro|Yamoussoukro]. Menés depuis la 4e minute, les [E:MISC:ivorians|Ivoiriens] ont égalisé à la 86e sur penalty avant de "
    "s'imposer lors de la séance de tirs au but.\n"
    "« Ce groupe n'a jamais cessé d'y croire. Nous avons souffert, mais nous sommes toujours là », a réagi "
    "l'entraîneur [N:CI|ivoirien], [E:PER:emile-kouassi|Emile Kouassi], en conférence de presse.\n"
    "Son homologue [N:SN|sénégalais] a reconnu que son équipe avait « manqué de fraîcheur » en fin de match. "
    "Selon la fédération [N:SN|sénégalaise], [Q:3:exact:joueurs|trois joueurs] souffrent de blessures musculaires.\n"
    "[Q:2000-9000:range:supporteurs|Des milliers de supporteurs] ont envahi les rues d'[E:LOC:abidjan|Abidjan] dans la nuit, tandis qu'à "
    "[E:LOC:dakar|Dakar] la déception dominait. Les [E:ORG:ivory-coast-national-football-team|Eléphants] "
    "affronteront le [E:LOC:mali|Mali] en quarts de finale.",
    [
        att("Ce groupe n'a jamais cessé d'y croire", "emile-kouassi",
            "l'entraîneur ivoirien, Emile Kouassi", "direct"),
        att("son équipe avait « manqué de fraîcheur » en fin de match", None, "Son homologue sénégalais",
            "mixed"),
        att("trois joueurs souffrent de blessures musculaires", None,
            "la fédération sénégalaise", "according_to"),
    ],
    [
        "CAN : la Côte d'Ivoire élimine le Sénégal",
        "Portés par plus de 50 000 spectateurs",
        "Menés depuis la 4e minute",
        "Des milliers de supporteurs ont envahi les rues",
        "Les Eléphants affronteront le Mali",
    ],
)

# --------------------------------------------------------------------------- demo-12
article(
    "demo-12", "domain", "courrier-du-levant", "2019-10-20", None,
    "Les [E:ORG:hachd-al-chaabi|Unités de mobilisation populaire] accusent [E:LOC:washington|Washington] après une "
    "frappe près d'[E:LOC:al-qaim|al-Qaïm]\n"
    "Une frappe aérienne a visé [D:2019-10-19|hier soir] un dépôt d'armes de la 37e brigade des "
    "[E:ORG:hachd-al-chaabi|Unités de mobilisation populaire], près de la ville frontalière d'"
    "[E:LOC:al-qaim|al-Qaïm]. Le bilan s'élève à [Q:2:exact:morts|deux morts] et "
    "[Q:7:exact:blessés|sept blessés].\n"
    "Un porte-parole des Unités, [E:PER:hussein-qassem|Hussein Qassim], a accusé les "
    "[E:LOC:united-states|Etats-Unis] d'avoir « violé la souveraineté [N:IQ|irakienne] ». Selon lui, les appareils "
    "auraient décollé d'une base située en [E:LOC:syria|Syrie], dans la province de "
    "[E:LOC:deir-ez-zor-governorate|Deir ez-Zor].\n"
    "Le [E:ORG:pentagon|Pentagone] a démenti toute implication. Un commandant des "
    "[E:ORG:syrian-democratic-forces|Forces démocratiques [N:SY|syriennes]], alliées des "
    "[E:MISC:americans|Américains], a nié auprès de la chaîne [E:ORG:rudaw|Rudaw] que son camp ait prêté son "
    "espace aérien.\n"
    "Le Premier ministre [N:IQ|irakien] a ordonné l'ouverture d'une enquête et convoqué "
    "[D:2019-10-20|ce dimanche] les chefs des services de renseignement. La frontière entre l'"
    "[E:LOC:iraq|Irak] et la [E:LOC:syria|Syrie] a été rouverte il y a moins d'un mois.",
    [
        att("les Etats-Unis d'avoir « violé la souveraineté irakienne", "hussein-qassem",
            "Un porte-parole des Unités, Hussein Qassim", "mixed"),
        att("les appareils auraient décollé d'une base située en Syrie", "hussein-qassem", "lui",
            "according_to", hedged=True),
        att("toute implication", "pentagon", "Le Pentagone", "indirect"),
        att("son camp ait prêté son espace aérien", None,
            "Un commandant des Forces démocratiques syriennes", "indirect", via=["rudaw"]),
    ],
    [
        "Les Unités de mobilisation populaire accusent Washington",
        "Une frappe aérienne a visé hier soir",
        "Le bilan s'élève à deux morts",
        "Le Premier ministre irakien a ordonné l'ouverture",
        "La frontière entre l'Irak et la Syrie a été rouverte",
    ],
)

# Places only demo-12 and demo-11 need beyond the table above.
PLACES.update({
    "united-states": ("United States", "US", "country", 39.8, -98.6),
    "deir-ez-zor-governorate": ("Deir ez-Zor Governorate", "SY", "admin", 35.3, 40.1),
    "bern": ("Bern", "CH", "city", 46.948, 7.4474),
    "mali": ("Mali", "ML", "country", 17.6, -4.0),
    "africa": ("Africa", None, "area", None, None),
    "saguenay": ("Saguenay", "CA", "city", 48.428, -71.068),
    "yamoussoukro": ("Yamoussoukro", "CI", "city", 6.8276, -5.2893),
})

MARK = re.compile(r"\[([EDNQ]):")


def parse(marked):
    """Strips the markup; returns the plain text and the items with their byte spans."""
    out = []
    items = []
    stack = []
    i = 0
    while i < len(marked):
        m = MARK.match(marked, i)
        if m:
            bar = marked.index("|", i)
            header = marked[i + 1:bar]
            stack.append((header, len("".join(out).encode())))
            i = bar + 1
            continue
        c = marked[i]
        if c == "]" and stack:
            header, start = stack.pop()
            end = len("".join(out).encode())
            items.append((header, start, end))
            i += 1
            continue
        out.append(c)
        i += 1
    if stack:
        sys.exit(f"unclosed markup: {stack}")
    return "".join(out), items


def locate(text, strings, past_item):
    cursor = 0
    spans = []
    data = text.encode()
    for s in strings:
        b = s.encode()
        at = data.find(b, cursor)
        if at < 0 or not s:
            spans.append(None)
            continue
        spans.append((at, at + len(b)))
        cursor = at + len(b) if past_item else at + len(s[0].encode())
    return spans


def number(v):
    f = float(v)
    return int(f) if f.is_integer() else f


def build(a):
    text, items = parse(a["marked"])
    data = text.encode()
    items.sort(key=lambda it: it[1])
    gold = {"id": a["id"], "entities": [], "nationalities": [], "places": [], "dates": [], "quantities": [],
            "attributions": a["attributions"], "unsourced": a["unsourced"]}
    spans = {"entities": [], "nationalities": [], "dates": [], "quantities": []}
    for header, start, end in items:
        surface = data[start:end].decode()
        kind, rest = header.split(":", 1)
        if kind == "E":
            label, eid = rest.split(":", 1)
            assert label in ("PER", "ORG", "LOC", "MISC"), header
            gold["entities"].append({"text": surface, "type": label, "id": eid})
            spans["entities"].append((start, end))
        elif kind == "N":
            gold["nationalities"].append({"text": surface, "country": rest})
            spans["nationalities"].append((start, end))
        elif kind == "D":
            gold["dates"].append({"text": surface, "value": None if rest == "null" else rest})
            spans["dates"].append((start, end))
        elif kind == "Q":
            value, qualifier, unit = rest.split(":", 2)
            if "-" in value:
                low, high = value.split("-")
                value = [number(low), number(high)]
            else:
                value = number(value)
            gold["quantities"].append({"text": surface, "value": value, "qualifier": qualifier, "unit": unit})
            spans["quantities"].append((start, end))
    seen = []
    for e in gold["entities"]:
        if e["type"] == "LOC" and e["id"] not in seen:
            seen.append(e["id"])
    for pid in seen:
        name, country, kind, lat, lon = PLACES[pid]
        gold["places"].append({"id": pid, "name": name, "country": country, "kind": kind, "lat": lat, "lon": lon})

    problems = []
    for key, field in [("entities", "text"), ("nationalities", "text"), ("dates", "text"), ("quantities", "text")]:
        located = locate(text, [x[field] for x in gold[key]], True)
        for x, got, want in zip(gold[key], located, spans[key]):
            if got != want:
                problems.append(f"{a['id']} {key} {x[field]!r}: cursor places it at {got}, markup at {want}")
    ids = {e["id"] for e in gold["entities"]}
    for key, strings in [("attributions", [x["content"] for x in gold["attributions"]]),
                         ("unsourced", gold["unsourced"])]:
        for s, got in zip(strings, locate(text, strings, False)):
            if got is None:
                problems.append(f"{a['id']} {key} {s!r}: not placed")
            elif text.count(s) != 1:
                problems.append(f"{a['id']} {key} {s!r}: occurs {text.count(s)} times")
    for x in gold["attributions"]:
        for ref in [x["speaker"]] + x["via"]:
            if ref is not None and ref not in ids:
                problems.append(f"{a['id']} attribution speaker/via {ref!r} has no mention")
        if x["speaker_text"] not in text:
            problems.append(f"{a['id']} speaker_text {x['speaker_text']!r} not in text")
    words = len(text.split())
    if not 120 <= words <= 250:
        problems.append(f"{a['id']}: {words} words")
    record = {"id": a["id"], "pool": a["pool"], "url": f"https://example.org/{a['outlet']}/{a['id']}",
              "outlet": a["outlet"], "published": a["published"], "cluster": a["cluster"], "text": text}
    return record, gold, problems, words


def main():
    records, golds, problems = [], [], []
    for a in ARTICLES:
        record, gold, issues, words = build(a)
        records.append(record)
        golds.append(gold)
        problems += issues
        print(f"{a['id']}: {words} words, {len(gold['entities'])} entities, {len(gold['attributions'])} attributions",
              file=sys.stderr)
    if problems:
        sys.exit("\n".join(problems))
    with open(HERE / "articles.jsonl", "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    with open(HERE / "gold.jsonl", "w", encoding="utf-8") as f:
        for g in golds:
            f.write(json.dumps(g, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
