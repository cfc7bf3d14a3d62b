/**
 * Gazetteer data: extra corridor names, landmarks and names to ignore. Corridor names in
 * shared/data/corridors.json (name_ar, aliases_ar) are loaded as well; these add the colloquial,
 * English and Franco-Arab spellings, and the places people name instead of a road.
 *
 * A landmark carries a corridor only when it is part of that corridor (a ramp, an exit, a bridge
 * of it, the square it ends in); a district a corridor merely passes through has none, because a
 * post about a street inside Maadi is not a post about the Ring Road.
 *
 * Names listed as weak have an everyday sense ("التحرير" = editing, "جهينة" = a dairy brand,
 * "6 أكتوبر" = a date) and count only in a post that is otherwise about traffic.
 * Coordinates are approximate (squares and ramps to a few hundred metres, districts to about a
 * kilometre around their centre), from general knowledge of the city.
 */

export interface Landmark {
  lat: number;
  lon: number;
  corridorId: string | null;
  strong: readonly string[];
  weak: readonly string[];
}

const place = (lat: number, lon: number, corridorId: string | null, strong: string[], weak: string[] = []): Landmark => ({
  lat,
  lon,
  corridorId,
  strong,
  weak,
});

/** Names beyond corridors.json. Weak: only with traffic context. */
export const corridorNames: Record<string, { strong: readonly string[]; weak: readonly string[] }> = {
  ring_road: { strong: ['الطريق الدائري', 'ring road|ringroad', 'da2ery|da2ry|daery|dayri|da2eri|daeri'], weak: [] },
  regional_ring_road: { strong: ['الطريق الاقليمي', 'regional ring|road'], weak: ['الاقليمي'] },
  mehwar_26_july: {
    strong: ['محور 26|٢٦ يوليو|يوليه?', 'محور يوليو', 'mehwar 26', '26 th? of? july axis|corridor|road|bridge', 'mehwar 26 july'],
    // "المحور" with its article: bare "محور X" is some other axis (see `ignoredNames`).
    weak: ['=المحور|=بالمحور|=عالمحور|=والمحور|=للمحور|=فالمحور', 'mehwar|el_mehwar', '26 th? of? july', '26 يوليو|يوليه'],
  },
  autostrad: { strong: ['اوتستراد|اتستراد|الاوتستراد|الاتستراد|اوتوستراد', 'autostrad|autostrade|otostrad|el_autostrad'], weak: [] },
  cairo_alex_desert_road: {
    strong: [
      'طريق? القاهره|مصر الاسكندريه|اسكندريه الصحراوي', 'طريق? الاسكندريه|اسكندريه الصحراوي',
      'cairo? alex|alexandria desert road', 'cairo alex road|highway',
    ],
    weak: ['الصحراوي', 'desert road', 'sa7rawy|sa7rawi'],
  },
  cairo_suez_road: {
    strong: ['طريق? القاهره|مصر السويس الصحراوي?', 'طريق السويس الصحراوي?', 'cairo? suez road|highway', 'cairo suez'],
    weak: [],
  },
  cairo_ismailia_desert_road: {
    strong: ['طريق? القاهره|مصر الاسماعيليه|اسماعيليه الصحراوي?', 'طريق الاسماعيليه|اسماعيليه الصحراوي?', 'cairo? ismailia road|desert_road|highway'],
    weak: [],
  },
  salah_salem: { strong: ['salah salem|salim', 'صلاح سالم'], weak: [] },
  kobri_6_october: {
    strong: [
      'كوبري|كبري|جسر 6|٦ اكتوبر', 'كوبري|كبري اكتوبر', 'نزله|طلعه|مطلع|منزل اكتوبر', 'نزله|طلعه|مطلع|منزل كوبري|كبري اكتوبر',
      '6 th? of? october bridge', 'october bridge', 'kobry|kobri|kobre october',
    ],
    weak: [],
  },
  mehwar_el_shahid: { strong: ['el? shahid axis|corridor', 'mehwar el? shahid'], weak: [] },
  mehwar_moshir_tantawy: { strong: ['محور طنطاوي', 'محور المشير طنطاوي', 'tantawy|moshir axis|corridor', 'mehwar el? moshir|tantawy'], weak: [] },
  rod_el_farag_axis: { strong: ['كوبري|كبري روض الفرج', 'tahya masr|misr bridge|axis', 'rod el? farag axis|corridor|bridge', 'mehwar rod el? farag', 'mehwar tahya masr|misr'], weak: [] },
  corniche_el_nil: {
    strong: ['كورنيش النيل', 'كورنيش المعادي|حلوان|شبرا|روض_الفرج|مصر_القديمه|جاردن_سيتي|ماسبيرو|التحرير|السيده_زينب'],
    // "الكورنيش" with its article; bare "كورنيش X" is some other waterfront (see `ignoredNames`).
    weak: ['=الكورنيش|=بالكورنيش|=عالكورنيش|=والكورنيش|=للكورنيش|=فالكورنيش', 'corniche|kornish|cornish'],
  },
};

/** Data aliases that are handled above in a stricter form, so they are not loaded as they stand. */
export const replacedDataAliases: ReadonlySet<string> = new Set(['المحور', 'الكورنيش', 'الصحراوي', 'الاقليمي']);

/** Names that must claim their words and resolve to nothing: other roads that contain a corridor's name. */
export const ignoredNames: readonly string[] = [
  '=محور|=بمحور|=ومحور|=لمحور|=فمحور *', '=كورنيش|=بكورنيش|=وكورنيش *', 'الطريق? الدائري? الاوسطي',
  'الصحراوي الغربي|الشرقي', 'طريق? الصعيد الصحراوي?', 'كورنيش اسكندريه|الاسكندريه', 'طريق? العين السخنه', 'sokhna road?',
  'طريق? مصر|القاهره اسكندريه|الاسكندريه|الاسماعيليه|اسماعيليه الزراعي',
];

export const landmarks: readonly Landmark[] = [
  // On a corridor
  place(29.9826, 31.3162, 'ring_road', ['كارفور المعادي', 'carrefour el? maadi', 'maadi carrefour']),
  place(29.981, 31.226, 'ring_road', ['كوبري|كبري المنيب', 'moneeb|munib|monib bridge']),
  // A ramp named after a place is the ramp of the motorway there.
  place(29.978, 31.21, 'ring_road', ['نزله|مطلع|منزل|طلعه|دائري المنيب']),
  place(29.998, 30.965, 'mehwar_26_july', ['ميدان جهينه', 'juhayna|gohayna square'], ['جهينه']),
  place(30.0076, 30.9735, 'mehwar_26_july', ['مول العرب', 'mall of arabia']),
  place(30.06, 31.2085, 'mehwar_26_july', ['كوبري|كبري 15|١٥ مايو']),
  place(29.993, 31.122, 'cairo_alex_desert_road', ['ميدان الرمايه', 'الرمايه', 'remaya|remaya_square']),
  place(30.07, 31.019, 'cairo_alex_desert_road', ['القريه الذكيه', 'smart village']),
  place(30.0535, 31.232, 'corniche_el_nil', ['ماسبيرو', 'maspero']),
  place(30.058, 31.287, 'salah_salem', ['كوبري|كبري الفنجري', 'الفنجري']),
  place(30.0975, 31.2455, 'rod_el_farag_axis', ['ميدان الخلفاوي', 'الخلفاوي']),
  // Near corridors, not part of them
  place(29.978, 31.21, null, ['المنيب', 'موقف المنيب', 'moneeb|munib|monib']),
  place(29.99, 31.158, null, ['المريوطيه', 'maryoutia|maryoteya']),
  place(30.11, 31.43, null, ['الهايكستب', 'hykestep|haikstep']),
  place(29.993, 31.39, null, ['القطاميه', 'katameya|kattameya|katamya']),
  place(30.105, 31.205, null, ['الوراق', 'warraq']),
  place(30.16, 31.335, null, ['المرج', 'marg']),
  place(30.17, 31.41, null, ['مدينه السلام']),
  place(30.085, 31.18, null, ['بشتيل']),
  place(30.05, 31.08, null, ['ابو رواش']),
  place(30.035, 31.17, null, ['محور صفط اللبن', 'صفط اللبن']),
  place(30.059, 31.1945, null, ['ميدان لبنان', 'lebanon square']),
  place(30.064, 31.178, null, ['ارض اللواء']),
  place(30.066, 31.316, null, ['المنصه', 'النصب التذكاري']),
  place(30.069, 31.312, null, ['استاد القاهره', 'cairo stadium'], ['الاستاد']),
  place(30.145, 31.245, null, ['الطريق الزراعي'], ['الزراعي']),
  place(30.18, 31.205, null, ['قليوب']),
  // Districts and squares
  place(29.96, 31.257, null, ['المعادي', 'maadi']),
  place(29.975, 31.31, null, ['زهراء المعادي']),
  place(29.99, 31.243, null, ['دار السلام']),
  place(29.985, 31.285, null, ['البساتين']),
  place(29.94, 31.275, null, ['طره', 'tora|tura']),
  place(29.9, 31.3, null, ['المعصره']),
  place(29.85, 31.33, null, ['حلوان', 'helwan']),
  place(30.01, 31.3, null, ['المقطم', 'mokattam|moqattam']),
  place(30.037, 31.283, null, ['منشيه ناصر']),
  place(30.047, 31.3, null, ['الدويقه']),
  place(30.0444, 31.2357, null, ['ميدان التحرير', 'tahrir square'], ['التحرير', 'tahrir']),
  place(30.0385, 31.205, null, ['شارع التحرير']),
  place(30.0626, 31.2469, null, ['رمسيس', 'ميدان|شارع رمسيس', 'ramses|ramsis']),
  place(30.048, 31.2345, null, ['عبد المنعم رياض']),
  place(30.048, 31.24, null, ['وسط البلد', 'downtown']),
  place(30.052, 31.2475, null, ['العتبه', 'ataba']),
  place(30.0515, 31.2585, null, ['الموسكي', 'muski|mousky']),
  place(30.0459, 31.2625, null, ['حديقه الازهر', 'al azhar park'], ['الازهر', 'الحسين']),
  place(30.0287, 31.2599, null, ['قلعه صلاح الدين', 'citadel'], ['القلعه']),
  place(30.022, 31.258, null, ['السيده عايشه']),
  place(30.0296, 31.2395, null, ['السيده زينب']),
  place(30.007, 31.23, null, ['مصر القديمه', 'الفسطاط', 'old cairo']),
  place(30.02, 31.24, null, ['مجري العيون']),
  place(30.0375, 31.2315, null, ['جاردن سيتي', 'garden city']),
  place(30.032, 31.23, null, ['قصر العيني']),
  place(30.068, 31.264, null, ['غمره', 'ghamra']),
  place(30.072, 31.2833, null, ['العباسيه', 'abbassia|abbasiya|abbaseya']),
  place(30.078, 31.312, null, ['منشيه البكري']),
  place(30.09, 31.32, null, ['مصر الجديده', 'heliopolis']),
  place(30.091, 31.317, null, ['روكسي', 'roxy']),
  place(30.056, 31.345, null, ['مدينه نصر', 'nasr city']),
  place(30.0605, 31.338, null, ['عباس العقاد']),
  place(30.118, 31.34, null, ['الف مسكن']),
  place(30.11, 31.335, null, ['جسر السويس']),
  place(30.12, 31.405, null, ['مطار القاهره', 'cairo airport'], ['المطار', 'airport']),
  place(30.02, 31.47, null, ['شارع التسعين'], ['التسعين']),
  place(30.008, 31.43, null, ['التجمع الخامس', 'القاهره الجديده', 'fifth|5th settlement', 'new cairo', 'tagamo3'], ['التجمع']),
  place(30.06, 31.49, null, ['الرحاب', 'rehab']),
  place(30.107, 31.638, null, ['مدينتي', 'madinaty']),
  place(30.12, 31.62, null, ['مدينه الشروق'], ['الشروق']),
  place(30.2, 31.48, null, ['مدينه العبور', 'obour'], ['العبور']),
  place(30.3, 31.74, null, ['العاشر من رمضان']),
  place(30.13, 31.71, null, ['مدينه بدر']),
  place(30.02, 31.76, null, ['العاصمه الاداريه', 'new capital']),
  place(30.0615, 31.2195, null, ['الزمالك', 'zamalek']),
  place(30.056, 31.2, null, ['المهندسين', 'mohandessin|mohandseen']),
  place(30.056, 31.21, null, ['العجوزه', 'agouza']),
  place(30.038, 31.21, null, ['الدقي', 'dokki']),
  place(30.076, 31.207, null, ['امبابه', 'imbaba']),
  place(30.035, 31.185, null, ['بولاق الدكرور']),
  place(30.013, 31.209, null, ['ميدان الجيزه'], ['الجيزه', 'giza']),
  place(30.004, 31.17, null, ['شارع الهرم', 'الهرم', 'haram']),
  place(30.005, 31.175, null, ['شارع فيصل'], ['فيصل']),
  place(29.979, 31.134, null, ['الاهرامات', 'pyramids']),
  place(29.98, 31.11, null, ['حدائق الاهرام']),
  place(29.975, 31.06, null, ['طريق الواحات']),
  place(30.045, 30.98, null, ['الشيخ زايد', 'شيخ زايد', 'sheikh zayed'], ['زايد', 'zayed']),
  place(29.94, 30.92, null, ['مدينه 6|٦ اكتوبر', 'مدينه اكتوبر', 'october city', '6 th? of? october city'], ['6|٦ اكتوبر', 'اكتوبر']),
  place(29.973, 30.944, null, ['ميدان الحصري', 'الحصري']),
  place(29.97, 30.95, null, ['المحور المركزي']),
  place(30.03, 31.11, null, ['كرداسه']),
  place(30.085, 31.245, null, ['شبرا', 'shubra']),
  place(30.125, 31.245, null, ['شبرا الخيمه']),
  place(30.098, 31.238, null, ['المظلات']),
  place(30.0435, 31.2295, null, ['كوبري|كبري قصر النيل', 'qasr el? nil bridge']),
  place(30.042, 31.222, null, ['كوبري|كبري الجلاء']),
  place(30.027, 31.224, null, ['كوبري|كبري الجامعه']),
  place(30.078, 31.227, null, ['كوبري|كبري امبابه']),
];
