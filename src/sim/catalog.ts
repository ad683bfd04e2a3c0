// A small made-up product catalogue, so exports look like a real shop's.

/** A product line: Korean name, option text, and English name. */
export interface Product {
  ko: string;
  option: string;
  en: string;
}

/** Twelve products of a food-and-living shop, best seller first. One name has a comma (quoting). */
export const PRODUCTS: readonly Product[] = [
  { ko: '제주 감귤 5kg', option: '로얄과', en: 'Jeju tangerines 5kg' },
  { ko: '무농약 현미 4kg', option: '', en: 'Organic brown rice 4kg' },
  { ko: '견과류 선물세트, 10봉', option: '실속형', en: 'Mixed nuts gift set, 10 packs' },
  { ko: '수제 딸기잼 500g', option: '1병', en: 'Homemade strawberry jam 500g' },
  { ko: '무선 미니 가습기', option: '화이트', en: 'Cordless mini humidifier' },
  { ko: '극세사 담요', option: '그레이/대형', en: 'Microfiber blanket, large' },
  { ko: '홍삼 스틱 30포', option: '', en: 'Red ginseng sticks x30' },
  { ko: '국산 참기름 350ml', option: '', en: 'Sesame oil 350ml' },
  { ko: '스테인리스 텀블러', option: '블랙/500ml', en: 'Steel tumbler 500ml' },
  { ko: '천연 수세미 3입', option: '', en: 'Natural loofah x3' },
  { ko: '유아 내복 세트', option: '100호', en: 'Kids thermal set' },
  { ko: '고구마 말랭이 1kg', option: '', en: 'Dried sweet potato 1kg' },
];
