// Package names holds the one normalisation of names the library uses and
// a sensitive-word matcher that sees through the disguises people give
// words in website names.
//
// [Normalize] brings a name to the form every comparison uses: invisible
// and control characters removed (Unicode's Default_Ignorable_Code_Point
// and the rest, see [Invisible]), compatibility characters replaced by
// their ordinary forms (Unicode NFKC, so full-width letters and digits
// become ASCII), letters that look Latin folded to ASCII (accents, dotless
// and small-capital letters, Cyrillic and Greek look-alikes, from UTS #39's
// confusables data), other letters lower-cased, traditional characters,
// Japanese forms, variant ideographs and CJK radicals simplified (Unihan),
// and white space between Chinese characters dropped:
//
//	names.Normalize("ＡＢＣ賭場") == "abc赌场"
//
// Normalize is linear in the length of the name, whatever the name holds.
// Each rune of a normalised name has a [Class]; [Class.Skippable] tells
// which a word may be read across (separators, and fillers such as 々 and
// kana).
//
// A [Dictionary] is a compiled word list. [Dictionary.Find] and
// [Dictionary.FindAll] find its words in a name however they are written:
// normalised as above; across the spaces, punctuation and symbols put
// between their characters (赌 博, 赌.博, 赌★博) and the few letters,
// digits, kana or ideographic marks inserted between the characters of a
// Chinese word (赌1博, 色x情); an iteration mark standing for the
// character before it (色々 for 色色); with numerals for numerals (6合彩,
// ⑥合彩, Ⅵ合彩, ❻合彩, 陆合彩, 陸合彩); Latin words as whole words,
// digits being a boundary (casino888, 91porn), with digits and symbols for
// letters (c4sino, p0rn, ca$ino), and inside a compound only where the
// rest is English words or a web affix (onlinecasino, pornhub, mycasino,
// porntv; not casinova or essex); and a Chinese word written in pinyin,
// wholly or a character at a time (du博, 赌bo, ＤＵ博, liu he cai, 法lun功),
// with the readings of Unihan (internal/pinyin), each run of letters read
// whole (not edu博) and a word of two characters written wholly in pinyin
// as the word only when it cannot be a person's name (seqing; dubo, 杜波,
// is read as the name); and,
// for the sensitive words ([Dictionary.Homophones]), a Chinese word
// written with homophones (谐音字: 睹博, 六和彩, 法仑功, 色晴), half its
// characters at least its own, decided on the name as typed (首都博物馆
// reads 首都/博物馆; 杜博 is a person, and so is 史时 opening the shop's
// name 史时彩板工作室).
//
// A Chinese word found is weighed against the words around it: a unigram
// segmentation over the word frequencies of jieba's dictionary (MIT
// licence, in internal/lexicon), which also knows the place names of
// every county (GB/T 2260), persons' names (a surname of the 百家姓 and
// given-name characters) and trade names before an industry word
// (恒博/彩钢), reads 日本色情 as 日本/色情 (reported) and 紫色情怀 as
// 紫色/情怀. A word so read otherwise is left out by FindAll and returned
// by [Dictionary.FindEvery] with the reading ([Match.ReadAs]), so that a
// caller warns rather than says nothing. A word of a grave category
// ([GraveCategories]: gambling, pornography, drugs, fraud) is read
// otherwise only where words of two characters or more take all its
// characters: 赌博物馆 reads 赌/博物馆, and 赌 alone takes nothing, so
// 赌博 is reported. After Chinese characters, a word the reading of the
// name from it on reads apart, its last character starting a word after it
// (苍龙博彩印店: 博/彩印), is read otherwise whatever those characters are,
// as where they make a name with its first (金博彩印): its first characters
// may close a name or brand the lexicon does not know; where that reading
// keeps the word whole (色情/歌), no given name takes its first characters
// (张伟色情歌 is reported, as 苍龙色情歌 is). A word of Latin letters and
// Chinese characters (k粉) is found with letters or digits between them
// too (K1粉), but for two letters or more and nothing else, which make one
// run of letters with its own, read whole (KTV粉丝). The segmentation runs only where a word was found: a
// clean name costs the scan alone. Exceptions ("!反腐蚀") are the innocent
// words that hold a listed word whole.
//
// [DefaultDictionary] is the built-in list of sensitive words, each with
// a category and a source; [NewDictionary], [ReadDictionary] and
// [Dictionary.With] build others, and [Dictionary.Allow] (words never
// reported, such as a console's own brand), [Dictionary.Without] and
// [Dictionary.OnlyCategories] tune one:
//
//	d := names.DefaultDictionary().With("私服", "外挂")
//	if m, ok := d.Find("传奇 私-服 发布站"); ok {
//		fmt.Println(m.Word) // 私服
//	}
//
// The package works on plain strings, knows nothing of filings or rules,
// and everything in it is safe for concurrent use: a Dictionary is
// immutable once built. The built-in one is compiled by go generate
// (data/sensitive.dict): [LoadDictionary] uses those tables where they
// lie in the program, so that the first validation builds nothing and the
// garbage collector has nothing of it to scan; [Dictionary.MarshalBinary]
// compiles a caller's dictionary the same way. A name checked against
// several dictionaries is read once with [Prepare], and segmented once
// through a [Memo]: the dictionaries' finds share what the lexicon says
// of its characters, with the same answers as each alone.
package names
