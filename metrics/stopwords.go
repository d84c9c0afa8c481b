package metrics

import "strings"

// topicStopText lists the words that topic clustering ignores: common
// English function words, frequent verbs and adverbs, and the filler of
// scientific abstracts ("paper", "propose", "results"). Subject words
// ("learning", "model", "network") are left in: inverse document
// frequency weighs them down where they are everywhere.
const topicStopText = `
a about above according across actually after afterwards again against
ago all almost alone along already also although always among amongst
an and another any anyhow anyone anything anyway anywhere are around as
at away back be became because become becomes becoming been before
beforehand behind being below beside besides between beyond both but by
can cannot could did do does doing done down due during each either
else elsewhere enough etc even ever every everyone everything
everywhere except few first for former formerly from further furthermore
had has have having he hence her here hereby herein hers herself him
himself his how however i ie if in indeed instead into is it its itself
just last latter latterly least less like likely made mainly make makes
many may maybe me meanwhile might more moreover most mostly much must my
myself namely near nearly neither never nevertheless next no nobody none
nor not nothing now nowhere of off often on once one only onto or other
others otherwise our ours ourselves out over own per perhaps please put
quite rather really said same see seem seemed seeming seems several she
should since so some somehow someone something sometimes somewhat
somewhere still such than that the their theirs them themselves then
thence there thereafter thereby therefore therein thereof these they
this those though three through throughout thus to together too toward
towards two under unless until up upon us very via was we well were
what whatever when whenever where whereas whereby wherein whether which
while who whoever whole whom whose why will with within without would
yet you your yours yourself yourselves

able achieve achieved achieves address addresses addressing advantage
aim aims allow allows alternative analyze apply approach approaches
aspect attempt available based believe benefit better call called case
cases certain challenge challenges challenging consider considered
consists contribution contributions current currently demonstrate
demonstrated demonstrates describe described design designed despite
develop developed different difficult directly discuss easily effect
effective effectively effects efficient efficiently enable enables
enabling end ensure especially establish evaluate evaluated example
examples existing experiment experimental experiments explore extensive
fact far find finding findings finds focus following found framework
frameworks fully general generally give given gives goal good great high
higher highly important improve improved improves improving include
includes including increase increasingly introduce introduced introduces
issue issues key known large largely lead leads leverage leverages low
lower main making mean means method methods need needs new novel number
numerous obtain obtained offer offers order outperform outperforms
overall paper papers particular particularly perform performance
possible potential practical present presented presents previous
previously prior problem problems promising propose proposed proposes
provide provided provides providing question range real recent recently
reduce related remain remains report require required requires research
respectively result resulting results reveal show shown shows
significant significantly
similar simple simply small specific specifically strong study studies
successfully suggest superior take technique techniques terms type
typically understand use used useful uses using usually various way ways
widely work works yield
`

// topicStops holds the stems of the words of topicStopText, so that any
// form of a stop word is dropped ("proposed", "proposes" and "propose"
// share a stem).
var topicStops = topicStopSet(topicStopText)

func topicStopSet(text string) map[string]bool {
	set := make(map[string]bool)
	for _, w := range strings.Fields(text) {
		set[topicStem(w)] = true
	}
	return set
}

// topicIsStop reports whether stem is the stem of a stop word.
func topicIsStop(stem string) bool { return topicStops[stem] }
