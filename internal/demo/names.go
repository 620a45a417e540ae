package demo

// Name parts common in Pamekasan: Madurese pronunciations of Arabic names
// (Holis, Hosnol, Fathorrahman) next to Javanese and Indonesian ones.
var (
	malePrefixes = []string{"", "", "", "Moh.", "Moh.", "Muhammad", "Mohammad", "Abdul", "Ahmad", "Achmad"}
	maleNames    = []string{
		"Holis", "Rahman", "Rofiqi", "Sulaiman", "Fathorrahman", "Hasan", "Husen", "Syamsul", "Hairul", "Badrus",
		"Mahfud", "Zainal", "Taufik", "Jamil", "Sahri", "Mukhlis", "Nasir", "Fauzi", "Ridwan", "Anwar",
		"Ismail", "Khoiruddin", "Matrawi", "Sunadi", "Busiri", "Hafid", "Rasyid", "Kholil", "Subairi", "Junaidi",
		"Mursidi", "Jufri", "Lukman", "Faiq", "Rizal", "Sholeh", "Arifin", "Hamzah", "Bahri", "Mahmud",
		"Ghozali", "Munir", "Qomaruddin", "Syaiful", "Zubair", "Wahyudi", "Hendra", "Slamet", "Sugianto", "Rusdi",
		"Hosnan", "Marzuki", "Fadil", "Latif", "Ubaidillah", "Yasin", "Hanafi", "Ilyas", "Nawawi", "Sukri",
	}
	maleSecond = []string{
		"", "", "", "", "", "", "Hasan", "Rahman", "Efendi", "Hidayat", "Arifin", "Hamzah", "Bahri", "Ali",
		"Yusuf", "Syafii", "Anshori", "Hakim", "Wafa", "Amin", "Fauzi", "Ridho", "Saleh", "Sidik", "Zaini",
	}
	femalePrefixes = []string{"", "", "", "Siti", "Siti", "Sitti", "Nur", "Nurul", "Ummi", "Hosnol", "Dewi", "Sri"}
	femaleNames    = []string{
		"Maimunah", "Hotimah", "Aini", "Mukarromah", "Kulsum", "Aisyah", "Rofiqoh", "Maslahah", "Fatimah", "Hasanah",
		"Halimah", "Hosniyah", "Saniyah", "Muzayyanah", "Khoirunnisa", "Rahmawati", "Wahyuni", "Qadriyah", "Fitriyah", "Hamidah",
		"Zubaidah", "Suhaimah", "Musyarrofah", "Nurhayati", "Anisah", "Latifah", "Qomariyah", "Adawiyah", "Yuliana", "Khotijah",
		"Rodiyah", "Munawaroh", "Sulastri", "Juhairiyah", "Asiyah", "Holifah", "Sumiati", "Masruroh", "Jamilah", "Rukayyah",
		"Salamah", "Badriyah", "Farida", "Lailatul", "Ummamah", "Sakdiyah", "Mariyam", "Ruqayyah", "Nafisah", "Sofiyah",
	}
	femaleSecond = []string{
		"", "", "", "", "", "", "Hasanah", "Fitri", "Rahmah", "Wati", "Azizah", "Sholihah", "Mahmudah",
		"Hidayati", "Lestari", "Aminah", "Zahro", "Jannah", "Mufidah",
	}

	dusun   = []string{"Krajan", "Laok", "Daja", "Temor", "Tengah", "Sumber", "Tambak", "Bunut", "Polay", "Nangger", "Kolla", "Jurang", "Lembung", "Pakes", "Somber", "Bates"}
	streets = []string{"Jl. Jokotole", "Jl. Trunojoyo", "Jl. Stadion", "Jl. Kabupaten", "Jl. Diponegoro", "Jl. Panglegur", "Jl. Raya Tlanakan", "Jl. Pintu Gerbang", "Jl. Segara", "Jl. Kemuning"}

	// Mobile prefixes of the Indonesian operators.
	phonePrefixes = []string{"0811", "0812", "0813", "0821", "0822", "0823", "0852", "0853", "0851",
		"0814", "0815", "0856", "0857", "0858", "0817", "0818", "0819", "0859", "0877", "0878",
		"0895", "0896", "0897", "0898", "0881", "0882", "0838", "0831"}

	businessSuffixes = []string{"Al-Falah", "Barokah", "Berkah Jaya", "Sumber Rejeki", "Al-Ikhlas", "Sakinah",
		"Mandiri", "Bersaudara", "Makmur", "Putra", "Madura", "Annur", "Sejahtera", "Lancar Jaya"}
)

// Products by KBLI section: what a business of that sector makes or sells.
var products = map[string][]string{
	"A": {"Budidaya Lele", "Ternak Sapi Madura", "Kebun Tembakau", "Budidaya Rumput Laut", "Ternak Kambing",
		"Budidaya Jamur Tiram", "Kebun Cabai", "Ternak Ayam Kampung", "Budidaya Bandeng"},
	"C": {"Keripik Tette", "Batik Tulis", "Petis Ikan", "Kerupuk Ikan", "Abon Ikan", "Jamu Madura", "Anyaman Bambu",
		"Kerajinan Kayu", "Sambal Bawang", "Rengginang Lorjuk", "Opak Gulung", "Dodol Ketan", "Kue Kering",
		"Bordir", "Kerupuk Terung", "Keripik Singkong", "Emping Jagung", "Kopi Bubuk", "Terasi Udang", "Ikan Asin"},
	"G": {"Toko Kelontong", "Warung Sembako", "Toko Pakaian Muslim", "Konter Pulsa", "Toko Bangunan",
		"Toko Batik", "Grosir Jajanan", "Toko Tembakau", "Toko Oleh-oleh"},
	"I": {"Warung Nasi Jagung", "Soto Madura", "Sate Madura", "Kaldu Kokot", "Campur Lorjuk", "Kedai Kopi",
		"Rujak Manis", "Bakso", "Nasi Serpang", "Warung Lalapan"},
	"N": {"Rental Motor", "Agen Wisata", "Sewa Tenda dan Sound"},
	"S": {"Penjahit", "Servis HP", "Bengkel Motor", "Salon Kecantikan", "Laundry", "Cukur Rambut"},
}

// Training types by agency: what each office trains people in.
var trainingTypes = map[string][]string{
	"DISPERINDAG": {"Batik Tulis", "Kerajinan Anyaman Bambu", "Kerajinan Kayu dan Ukir", "Pengemasan Produk IKM", "Bordir dan Jahit"},
	"DKP":         {"Pengolahan Hasil Perikanan", "Pengolahan Petis dan Kerupuk Ikan", "Pengolahan Abon dan Bandeng Presto", "Budidaya Rumput Laut"},
	"DKPP":        {"Olahan Pangan Lokal", "Pengolahan Jagung dan Singkong", "Olahan Hasil Hortikultura", "Jamu Tradisional"},
	"DISPORAPAR":  {"Kuliner Khas Madura", "Pemandu Wisata dan Homestay", "Suvenir Wisata", "Barista dan Kedai Kopi"},
	"DP3AP2KB":    {"Usaha Rumahan Perempuan", "Tata Boga Rumahan", "Menjahit dan Bordir Rumahan", "Kue dan Jajanan Pasar"},
	"DISKOPUKM":   {"Kewirausahaan dan Koperasi", "Manajemen Usaha Mikro", "Pemasaran Digital UMKM", "Pembukuan Sederhana"},
	"DPMPTSP":     {"Pelatihan Kerja: Menjahit", "Pelatihan Kerja: Servis Telepon Genggam", "Pelatihan Kerja: Las", "Perizinan Usaha dan Kewirausahaan"},
}

// Naker's job training moved to Diskop UKM on 3 January 2023.
var nakerTypes = []string{"Pelatihan Kerja: Menjahit", "Pelatihan Kerja: Las dan Bengkel", "Pelatihan Kerja: Servis Telepon Genggam"}

// Per agency: share of women among trainees (percent) and KBLI sections
// with weights.
var agencyProfile = map[string]struct {
	female int
	kbli   []weighted
}{
	"DISPERINDAG": {55, []weighted{{"C", 70}, {"G", 25}, {"S", 5}}},
	"DKP":         {35, []weighted{{"C", 55}, {"A", 35}, {"G", 10}}},
	"DKPP":        {40, []weighted{{"C", 45}, {"A", 45}, {"G", 10}}},
	"DISPORAPAR":  {50, []weighted{{"I", 60}, {"G", 20}, {"N", 10}, {"C", 10}}},
	"DP3AP2KB":    {92, []weighted{{"C", 40}, {"I", 30}, {"G", 30}}},
	"DISKOPUKM":   {50, []weighted{{"G", 45}, {"C", 25}, {"I", 20}, {"A", 10}}},
	"DPMPTSP":     {40, []weighted{{"C", 35}, {"G", 30}, {"S", 20}, {"I", 15}}},
}

// Regencies of Madura and Surabaya that issue the NIKs of people who moved
// to Pamekasan, with their number of kecamatan and a weight.
var otherRegencies = []struct {
	prefix, city string
	kec, weight  int
}{
	{"3529", "Sumenep", 27, 35}, {"3527", "Sampang", 14, 30}, {"3526", "Bangkalan", 18, 15}, {"3578", "Surabaya", 31, 20},
}

var educationWeights = []weighted{
	{"Tidak sekolah", 2}, {"SD", 20}, {"SMP", 22}, {"SMA/SMK", 38}, {"D1", 1}, {"D2", 1}, {"D3", 4}, {"D4/S1", 11}, {"S2", 1},
}
