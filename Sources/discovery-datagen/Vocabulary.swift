import DiscoveryCore

/// Words the generator builds realistic medtech / health-tech leads from.
enum Vocabulary {
    static let orgPrefixes = [
        "Mercy", "St. Mary's", "Riverside", "Lakeview", "Good Samaritan", "Providence", "Sacred Heart",
        "Baptist", "Methodist", "Presbyterian", "Memorial", "Children's", "University", "Valley", "Summit",
        "Northside", "Southwest", "Bayfront", "Cedar Ridge", "Pinecrest", "Harbor", "St. Luke's", "St. Joseph's",
        "Kaiser", "Unity", "Trinity", "Covenant", "Adventist", "Saint Vincent", "Holy Cross", "Beacon",
        "Meridian", "Evergreen", "Clearwater", "Highland", "Grandview", "Fairview", "Westfield", "Oakwood", "Heritage",
    ]
    static let places = [
        "Springfield", "Madison", "Franklin", "Columbus", "Portland", "Austin", "Denver", "Phoenix", "Raleigh",
        "Omaha", "Tulsa", "Boise", "Fresno", "Tacoma", "Dayton", "Akron", "Toledo", "Reno", "Spokane", "Albany",
        "Lyon", "Leeds", "Utrecht", "Graz", "Turin", "Porto", "Malmö", "Aarhus", "Cork", "Basel", "Bremen", "Ghent",
        "Ottawa", "Halifax", "Perth", "Dunedin", "Bergen", "Tampere", "Kraków", "Brno",
    ]
    static let suffixes: [(String, String)] = [
        ("Regional Medical Center", "hospital"), ("Health System", "idn"), ("Hospital", "hospital"),
        ("University Hospital", "academic"), ("Surgery Center", "asc"), ("Clinic", "clinic"),
        ("Medical Group", "clinic"), ("Healthcare", "idn"), ("Orthopedic Institute", "asc"),
        ("Cardiology Associates", "clinic"), ("Medical Supply", "distributor"), ("Heart Institute", "hospital"),
    ]
    static let specialties = [
        "orthopedics", "cardiology", "oncology", "radiology", "neurology", "urology", "gastroenterology",
        "general surgery", "critical care", "emergency medicine", "pediatrics", "women's health", "ophthalmology",
        "wound care", "anesthesiology", "sterile processing",
    ]
    static let regions = [
        "us-northeast", "us-southeast", "us-midwest", "us-southwest", "us-west", "canada", "uk", "dach",
        "benelux", "nordics", "france", "iberia", "italy", "anz",
    ]
    static let sources = [
        "webinar", "trade-show", "inbound-web", "referral", "cold-outbound", "partner", "content-download", "linkedin",
    ]
    static let owners = [
        "ana", "ben", "chloe", "dev", "elena", "farid", "grace", "hiro", "ines", "jonas", "kemi", "lars",
        "maya", "nils", "olga", "priya", "quinn", "rosa", "sam", "tomas",
    ]
    static let firstNames = [
        "Maria", "James", "Aisha", "Wei", "Carlos", "Emma", "Noah", "Fatima", "Lukas", "Sofia", "Daniel", "Yuki",
        "Olivia", "Mateo", "Amara", "Henrik", "Priya", "Liam", "Chen", "Isabella", "Omar", "Grace", "Elias", "Hannah",
        "Rafael", "Nora", "Samuel", "Leila", "Jonas", "Mei",
    ]
    static let lastNames = [
        "Ruiz", "Patel", "Nguyen", "Smith", "Okafor", "Müller", "Johansson", "Rossi", "Kim", "Garcia", "Brown",
        "Cohen", "Dubois", "Novak", "Silva", "Tanaka", "Walsh", "Hughes", "Schmidt", "Larsen", "Ahmed", "Costa",
        "Meyer", "Bianchi", "O'Brien", "Fischer", "Lopez", "Weber", "Khan", "Moreau",
    ]
    static let titles: [(String, ContactRole)] = [
        ("Chief Medical Officer", .clinicalLeader), ("VP Supply Chain", .procurement), ("CFO", .economicBuyer),
        ("Director of Biomedical Engineering", .technical), ("OR Nurse Manager", .endUser),
        ("Chair of Orthopedics", .champion), ("CISO", .security), ("Value Analysis Coordinator", .procurement),
        ("Chief Nursing Officer", .clinicalLeader), ("IT Director", .technical), ("Attending Surgeon", .endUser),
        ("Service Line Director", .influencer), ("CEO", .economicBuyer), ("Privacy Officer", .security),
    ]
    static let profiles = [("capital-equipment", 4), ("consumables", 3), ("healthtech", 2), ("service-software", 1)]
    static let reasons: [ReasonCode] = [.wrongSpecialty, .noBudget, .noResponse, .timingTooFar, .competitorLocked]
    static let outcomes: [(CallOutcome, Int)] = [
        (.noAnswer, 30), (.voicemail, 25), (.connected, 15), (.gatekeeper, 8), (.busy, 6), (.callBackLater, 6),
        (.meetingBooked, 5), (.wrongNumber, 2), (.notInterested, 3),
    ]
    static let texts = [
        "Infection rates after hip replacement above benchmark", "OR turnover too slow since staffing cuts",
        "Imaging backlog of six weeks", "Wants outcomes data from a comparable hospital",
        "Capital committee meets in the spring", "Needs HL7 interface to Epic", "Pilot in one unit first",
        "Budget frozen until the new fiscal year", "Reprocessing costs under review", "Value analysis wants peer data",
    ]
}
