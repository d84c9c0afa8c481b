package synth

// given and family are the parts of generated names. Their keys (lower
// case, accents removed) are distinct within each list, so that names
// made from different parts never resolve to one person.
var given = []string{
	"Ada", "Adrian", "Aiko", "Akira", "Alice", "Amara", "Amir", "Ana", "Andrea", "Anil",
	"Anna", "Arjun", "Astrid", "Ayşe", "Beatriz", "Benedikt", "Bruno", "Carla", "Carlos", "Chen",
	"Chiara", "Chloé", "Daniel", "Daria", "David", "Deepa", "Diego", "Dmitri", "Elena", "Elif",
	"Emeka", "Emma", "Erik", "Fatima", "Felix", "Fernando", "Fiona", "François", "Gabriel", "Giulia",
	"Grace", "Hana", "Hannah", "Hassan", "Helga", "Hiroshi", "Hugo", "Ian", "Ines", "Ingrid",
	"Isabel", "Ivan", "Jakub", "James", "Jana", "Javier", "Jia", "Jin", "João", "Jonas",
	"Julia", "Jürgen", "Kai", "Karim", "Katarzyna", "Kenji", "Kwame", "Lars", "Laura", "Lea",
	"Lei", "Leila", "Li", "Lin", "Lucas", "Lucía", "Luis", "Maja", "Manuel", "Marco",
	"Maria", "Marta", "Mateo", "Mei", "Mihai", "Ming", "Mohammed", "Nadia", "Naoko", "Nikolai",
	"Nina", "Noah", "Nora", "Olga", "Omar", "Oscar", "Pablo", "Paolo", "Pedro", "Petra",
	"Pierre", "Priya", "Qiang", "Rafael", "Rahul", "Ravi", "Rosa", "Ruth", "Sakura", "Samuel",
	"Sara", "Sebastian", "Sergei", "Shira", "Sofia", "Soo-jin", "Stefan", "Sunil", "Takumi", "Tariq",
	"Thomas", "Tomás", "Uma", "Valentina", "Victor", "Wei", "Xin", "Yael", "Yan", "Yasmin",
	"Yong", "Yuki", "Yusuf", "Zainab", "Zhen", "Zoltán", "Agnieszka", "Björn", "Céline", "Émile",
}

var family = []string{
	"Abbott", "Adeyemi", "Ahmed", "Almeida", "Andersen", "Araújo", "Bach", "Baker", "Banerjee", "Barros",
	"Becker", "Bianchi", "Björk", "Blanc", "Brandt", "Brown", "Bui", "Campbell", "Cardoso", "Castro",
	"Chakraborty", "Chan", "Chang", "Chen", "Cheng", "Choi", "Chowdhury", "Clarke", "Costa", "Cruz",
	"Dang", "Das", "Davies", "de Vries", "Demir", "Dimitrov", "Dubois", "Duong", "Eriksson", "Esposito",
	"Evans", "Fernandes", "Fischer", "Fontaine", "Fujita", "García", "Ghosh", "Gomes", "González", "Gupta",
	"Haddad", "Hansen", "Hartmann", "Hayashi", "Hernández", "Hoffmann", "Horvath", "Hu", "Huang", "Hussain",
	"Ibrahim", "Inoue", "Ivanov", "Jankowski", "Jensen", "Jiang", "Johansson", "Jones", "Kaya", "Khan",
	"Kim", "Kobayashi", "Koch", "Kovač", "Kowalski", "Kumar", "Kuznetsov", "Lambert", "Larsen", "Le",
	"Lee", "Lehmann", "Li", "Lim", "Lin", "Liu", "Lopes", "López", "Lu", "Ma",
	"Maier", "Marino", "Martin", "Martínez", "Matsumoto", "Mehta", "Meyer", "Mishra", "Moreau", "Morris",
	"Müller", "Murphy", "Nagy", "Nakamura", "Nguyen", "Nielsen", "Novak", "Nowak", "O'Brien", "Okafor",
	"Olsen", "Ortiz", "Öztürk", "Park", "Patel", "Pereira", "Petrov", "Pham", "Popescu", "Qian",
	"Rahman", "Reddy", "Ribeiro", "Ricci", "Richter", "Rodrigues", "Romano", "Rossi", "Roy", "Russo",
	"Saito", "Sánchez", "Santos", "Sasaki", "Schmidt", "Schneider", "Schulz", "Sharma", "Shin", "Silva",
	"Singh", "Smirnov", "Smith", "Song", "Sousa", "Suzuki", "Szabó", "Takahashi", "Tanaka", "Tan",
	"Taylor", "Thomas", "Tran", "Tsai", "van Dijk", "Vargas", "Vasquez", "Verma", "Vogel", "Volkov",
	"Wagner", "Walker", "Wang", "Watanabe", "Weber", "Williams", "Wilson", "Wong", "Wu", "Xu",
	"Yamada", "Yamamoto", "Yang", "Yilmaz", "Yoshida", "Yu", "Zhang", "Zhao", "Zhou", "Zhu",
	"Ziegler", "Zimmermann", "Aydın", "Bergström", "Dvořák", "Gonçalves", "Jovanović", "Kowalczyk", "Lindqvist", "Łukasik",
}

// topicWords is the vocabulary of one research topic.
type topicWords struct {
	adj, noun []string
}

var vocab = []topicWords{
	{ // graphs and networks
		adj:  []string{"Scalable", "Distributed", "Dynamic", "Weighted", "Sparse", "Temporal", "Approximate", "Parallel", "Streaming", "Directed"},
		noun: []string{"Graphs", "Networks", "Centrality", "Communities", "Partitioning", "Embeddings", "Paths", "Motifs", "Clustering", "Cuts", "Matchings", "Spanners"},
	},
	{ // machine learning
		adj:  []string{"Deep", "Robust", "Bayesian", "Contrastive", "Federated", "Generative", "Efficient", "Interpretable", "Sparse", "Adversarial"},
		noun: []string{"Learning", "Transformers", "Representations", "Models", "Inference", "Optimization", "Classifiers", "Kernels", "Attention", "Regularization", "Policies", "Agents"},
	},
	{ // databases
		adj:  []string{"Transactional", "Columnar", "Adaptive", "Incremental", "Distributed", "Secure", "Compressed", "Cost-based", "Declarative", "Consistent"},
		noun: []string{"Queries", "Indexes", "Joins", "Transactions", "Storage", "Views", "Schemas", "Provenance", "Workloads", "Replication", "Logs", "Caches"},
	},
	{ // systems and networking
		adj:  []string{"Fault-tolerant", "Low-latency", "Energy-efficient", "Virtualized", "Programmable", "Reliable", "Wireless", "Elastic", "Secure", "Concurrent"},
		noun: []string{"Protocols", "Schedulers", "Kernels", "Routers", "Datacenters", "Consensus", "Storage", "Compilers", "Runtimes", "Sensors", "Clouds", "Memory"},
	},
	{ // theory
		adj:  []string{"Randomized", "Deterministic", "Optimal", "Polynomial", "Combinatorial", "Online", "Quantum", "Lower", "Tight", "Succinct"},
		noun: []string{"Algorithms", "Bounds", "Complexity", "Approximation", "Circuits", "Automata", "Proofs", "Codes", "Games", "Sampling", "Hashing", "Lattices"},
	},
	{ // language and text
		adj:  []string{"Multilingual", "Neural", "Statistical", "Low-resource", "Semantic", "Syntactic", "Cross-lingual", "Open-domain", "Conversational", "Structured"},
		noun: []string{"Parsing", "Translation", "Summarization", "Retrieval", "Dialogue", "Corpora", "Tagging", "Entities", "Questions", "Speech", "Documents", "Grammars"},
	},
}

var leads = []string{"Towards", "On", "Revisiting", "Learning", "Beyond", "Rethinking"}

var links = []string{"for", "of", "with", "in", "via", "and", "under", "beyond"}

// venues are the venues of each topic; a group publishes in one.
var venues = [][]string{
	{"SODA", "KDD", "WWW", "ASONAM", "Netw. Sci."},
	{"NeurIPS", "ICML", "ICLR", "AAAI", "J. Mach. Learn. Res."},
	{"SIGMOD", "VLDB", "ICDE", "PODS", "VLDB J."},
	{"OSDI", "NSDI", "SOSP", "EuroSys", "SIGCOMM"},
	{"STOC", "FOCS", "ICALP", "SICOMP", "J. ACM"},
	{"ACL", "EMNLP", "NAACL", "COLING", "Comput. Linguist."},
}

// topics numbers the topic vocabularies.
var topics = vocab
