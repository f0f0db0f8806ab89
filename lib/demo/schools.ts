import { BEREZOVSKY_KEY, SVETLOGORSK_KEY } from './organisations';
import type { DemoSchool } from './types';

/*
 * ОГРН and ИНН are fictional but well-formed, with valid check digits. Their region and tax-office digits
 * (98 11 for Берёзовский район, 98 12 for Светлогорск) are made up so that they are unlikely to coincide with a
 * real organisation; an ОГРН starting «102…» marks a school entered into the state register in 2002, as
 * most schools that existed before then were.
 * Distances: town schools from the town centre, district schools from the district administration in
 * г. Светлогорск.
 */

const SVETLOGORSK_SCHOOLS: readonly DemoSchool[] = [
  {
    key: 'svet-gimn-1', municipalityKey: SVETLOGORSK_KEY, ogrn: '1029812011217', inn: '9812011210',
    shortName: 'МБОУ «Гимназия № 1»',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Гимназия № 1 г. Светлогорска»',
    address: '646800, Заречная область, г. Светлогорск, ул. Ленина, д. 21',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 0.4, pupilCount: 980,
  },
  {
    key: 'svet-licey-2', municipalityKey: SVETLOGORSK_KEY, ogrn: '1129812017642', inn: '9812017646',
    shortName: 'МАОУ «Лицей № 2»',
    fullName: 'Муниципальное автономное общеобразовательное учреждение «Лицей № 2 г. Светлогорска»',
    address: '646802, Заречная область, г. Светлогорск, пр-т Мира, д. 8',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 1.2, pupilCount: 1120,
  },
  {
    key: 'svet-sosh-3', municipalityKey: SVETLOGORSK_KEY, ogrn: '1029812011382', inn: '9812011387',
    shortName: 'МБОУ СОШ № 3',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 3 г. Светлогорска»',
    address: '646803, Заречная область, г. Светлогорск, ул. Советская, д. 45',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 1.8, pupilCount: 1400,
  },
  {
    key: 'svet-sosh-4', municipalityKey: SVETLOGORSK_KEY, ogrn: '1029812011426', inn: '9812011429',
    shortName: 'МБОУ СОШ № 4 с УИОП',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 4 с углублённым изучением отдельных предметов г. Светлогорска»',
    address: '646804, Заречная область, г. Светлогорск, ул. Гагарина, д. 12',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 2.1, pupilCount: 1050,
  },
  {
    key: 'svet-sosh-5', municipalityKey: SVETLOGORSK_KEY, ogrn: '1029812011570', inn: '9812011570',
    shortName: 'МБОУ СОШ № 5',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 5 г. Светлогорска»',
    address: '646805, Заречная область, г. Светлогорск, ул. Октябрьская, д. 3',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 2.6, pupilCount: 760,
  },
  {
    key: 'svet-sosh-6', municipalityKey: SVETLOGORSK_KEY, ogrn: '1029812011635', inn: '9812011637',
    shortName: 'МБОУ СОШ № 6',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 6 г. Светлогорска»',
    address: '646806, Заречная область, г. Светлогорск, ул. Комсомольская, д. 17',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 3.4, pupilCount: 640,
  },
  {
    key: 'svet-sosh-7', municipalityKey: SVETLOGORSK_KEY, ogrn: '1029812011790', inn: '9812011796',
    shortName: 'МБОУ СОШ № 7',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 7 г. Светлогорска»',
    address: '646807, Заречная область, г. Светлогорск, ул. Молодёжная, д. 2',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 3.9, pupilCount: 1210,
  },
  {
    key: 'svet-oosh-8', municipalityKey: SVETLOGORSK_KEY, ogrn: '1029812011855', inn: '9812011852',
    shortName: 'МБОУ ООШ № 8',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Основная общеобразовательная школа № 8 г. Светлогорска»',
    address: '646808, Заречная область, г. Светлогорск, ул. Железнодорожная, д. 30',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 4.7, pupilCount: 310,
  },
  {
    key: 'svet-sosh-9', municipalityKey: SVETLOGORSK_KEY, ogrn: '1029812011910', inn: '9812011919',
    shortName: 'МБОУ СОШ № 9',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 9 г. Светлогорска»',
    address: '646809, Заречная область, г. Светлогорск, ул. Строителей, д. 11',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 3.1, pupilCount: 870,
  },
  {
    key: 'svet-sosh-11', municipalityKey: SVETLOGORSK_KEY, ogrn: '1029812012064', inn: '9812012060',
    shortName: 'МБОУ СОШ № 11',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 11 г. Светлогорска»',
    address: '646810, Заречная область, г. Светлогорск, ул. Энергетиков, д. 6',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 4.2, pupilCount: 1330,
  },
  {
    key: 'svet-sosh-12', municipalityKey: SVETLOGORSK_KEY, ogrn: '1029812012120', inn: '9812012126',
    shortName: 'МБОУ СОШ № 12',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Средняя общеобразовательная школа № 12 г. Светлогорска»',
    address: '646811, Заречная область, г. Светлогорск, ул. Пушкина, д. 54',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 2.9, pupilCount: 590,
  },
  {
    key: 'svet-vsosh', municipalityKey: SVETLOGORSK_KEY, ogrn: '1029812012284', inn: '9812012285',
    shortName: 'МКОУ «В(С)ОШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Вечерняя (сменная) общеобразовательная школа г. Светлогорска»',
    address: '646801, Заречная область, г. Светлогорск, ул. Садовая, д. 9',
    settlement: 'г. Светлогорск', locality: 'urban', distanceToCentreKm: 0.9, pupilCount: 118,
  },
];

const BEREZOVSKY_SCHOOLS: readonly DemoSchool[] = [
  {
    key: 'ber-kedrovy-sosh-1', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811020139', inn: '9811020131',
    shortName: 'МБОУ «Кедровская СОШ № 1»',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Кедровская средняя общеобразовательная школа № 1»',
    address: '646840, Заречная область, Берёзовский район, рп Кедровый, ул. Школьная, д. 1',
    settlement: 'рп Кедровый', locality: 'urban', distanceToCentreKm: 28, pupilCount: 900,
  },
  {
    key: 'ber-kedrovy-sosh-2', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811020293', inn: '9811020290',
    shortName: 'МБОУ «Кедровская СОШ № 2»',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Кедровская средняя общеобразовательная школа № 2»',
    address: '646841, Заречная область, Берёзовский район, рп Кедровый, ул. Победы, д. 15',
    settlement: 'рп Кедровый', locality: 'urban', distanceToCentreKm: 29, pupilCount: 800,
  },
  {
    key: 'ber-berezovka-sosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811020359', inn: '9811020357',
    shortName: 'МБОУ «Берёзовская СОШ»',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Берёзовская средняя общеобразовательная школа»',
    address: '646820, Заречная область, Берёзовский район, с. Берёзовка, ул. Центральная, д. 40',
    settlement: 'с. Берёзовка', locality: 'rural', distanceToCentreKm: 12, pupilCount: 600,
  },
  {
    key: 'ber-borovoe-sosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811020414', inn: '9811020413',
    shortName: 'МБОУ «Боровская СОШ»',
    fullName: 'Муниципальное бюджетное общеобразовательное учреждение «Боровская средняя общеобразовательная школа»',
    address: '646822, Заречная область, Берёзовский район, с. Боровое, ул. Советская, д. 7',
    settlement: 'с. Боровое', locality: 'rural', distanceToCentreKm: 9, pupilCount: 550,
  },
  {
    key: 'ber-zarechnoe-sosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811020579', inn: '9811020572',
    shortName: 'МКОУ «Зареченская СОШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Зареченская средняя общеобразовательная школа»',
    address: '646825, Заречная область, Берёзовский район, с. Заречное, ул. Набережная, д. 19',
    settlement: 'с. Заречное', locality: 'rural', distanceToCentreKm: 18, pupilCount: 300,
  },
  {
    key: 'ber-sokolovo-sosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811020634', inn: '9811020639',
    shortName: 'МКОУ «Соколовская СОШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Соколовская средняя общеобразовательная школа»',
    address: '646827, Заречная область, Берёзовский район, с. Соколово, ул. Школьная, д. 5',
    settlement: 'с. Соколово', locality: 'rural', distanceToCentreKm: 22, pupilCount: 120,
  },
  {
    key: 'ber-lugovaya-sosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811020799', inn: '9811020798',
    shortName: 'МКОУ «СОШ ст. Луговая»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Средняя общеобразовательная школа ст. Луговая»',
    address: '646830, Заречная область, Берёзовский район, ст. Луговая, ул. Вокзальная, д. 2',
    settlement: 'ст. Луговая', locality: 'rural', distanceToCentreKm: 34, pupilCount: 150,
  },
  {
    key: 'ber-sosnovka-sosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811020854', inn: '9811020854',
    shortName: 'МКОУ «Сосновская СОШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Сосновская средняя общеобразовательная школа»',
    address: '646832, Заречная область, Берёзовский район, с. Сосновка, ул. Лесная, д. 12',
    settlement: 'с. Сосновка', locality: 'rural', distanceToCentreKm: 38, pupilCount: 140,
  },
  {
    key: 'ber-lebyazhye-sosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811020910', inn: '9811020910',
    shortName: 'МКОУ «Лебяжинская СОШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Лебяжинская средняя общеобразовательная школа»',
    address: '646834, Заречная область, Берёзовский район, с. Лебяжье, ул. Школьная, д. 3',
    settlement: 'с. Лебяжье', locality: 'rural', distanceToCentreKm: 47, pupilCount: 260,
  },
  {
    key: 'ber-gremyachka-oosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811021063', inn: '9811021061',
    shortName: 'МКОУ «Гремячинская ООШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Гремячинская основная общеобразовательная школа»',
    address: '646836, Заречная область, Берёзовский район, д. Гремячка, ул. Полевая, д. 8',
    settlement: 'д. Гремячка', locality: 'rural', distanceToCentreKm: 54, pupilCount: 90,
  },
  {
    key: 'ber-osinovka-oosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811021129', inn: '9811021128',
    shortName: 'МКОУ «Осиновская ООШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Осиновская основная общеобразовательная школа»',
    address: '646851, Заречная область, Берёзовский район, д. Осиновка, ул. Центральная, д. 14',
    settlement: 'д. Осиновка', locality: 'rural', distanceToCentreKm: 63, pupilCount: 60,
  },
  {
    key: 'ber-novopokrovka-sosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811021283', inn: '9811021287',
    shortName: 'МКОУ «Новопокровская СОШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Новопокровская средняя общеобразовательная школа»',
    address: '646853, Заречная область, Берёзовский район, с. Новопокровка, ул. Мира, д. 22',
    settlement: 'с. Новопокровка', locality: 'rural', distanceToCentreKm: 71, pupilCount: 130,
  },
  {
    key: 'ber-krasny-yar-sosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811021349', inn: '9811021343',
    shortName: 'МКОУ «Краснояровская СОШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Краснояровская средняя общеобразовательная школа»',
    address: '646855, Заречная область, Берёзовский район, с. Красный Яр, ул. Школьная, д. 10',
    settlement: 'с. Красный Яр', locality: 'rural', distanceToCentreKm: 78, pupilCount: 145,
  },
  {
    key: 'ber-vydrino-oosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811021404', inn: '9811021400',
    shortName: 'МКОУ «Выдринская ООШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Выдринская основная общеобразовательная школа»',
    address: '646857, Заречная область, Берёзовский район, д. Выдрино, пер. Школьный, д. 1',
    settlement: 'д. Выдрино', locality: 'rural', distanceToCentreKm: 85, pupilCount: 27,
  },
  {
    key: 'ber-pikhtovka-oosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811021558', inn: '9811021551',
    shortName: 'МКОУ «Пихтовская ООШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Пихтовская основная общеобразовательная школа»',
    address: '646860, Заречная область, Берёзовский район, п. Пихтовка, ул. Таёжная, д. 4',
    settlement: 'п. Пихтовка', locality: 'rural', distanceToCentreKm: 96, pupilCount: 36,
  },
  {
    key: 'ber-ust-tala-sosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811021613', inn: '9811021618',
    shortName: 'МКОУ «Усть-Талинская СОШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Усть-Талинская средняя общеобразовательная школа»',
    address: '646862, Заречная область, Берёзовский район, с. Усть-Тала, ул. Набережная, д. 2',
    settlement: 'с. Усть-Тала', locality: 'rural', distanceToCentreKm: 112, pupilCount: 94,
  },
  {
    key: 'ber-taezhny-sosh', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811021778', inn: '9811021777',
    shortName: 'МКОУ «Таёжнинская СОШ»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Таёжнинская средняя общеобразовательная школа»',
    address: '646865, Заречная область, Берёзовский район, п. Таёжный, ул. Лесозаводская, д. 6',
    settlement: 'п. Таёжный', locality: 'rural', distanceToCentreKm: 124, pupilCount: 76,
  },
  {
    key: 'ber-klyuchi-nsh-ds', municipalityKey: BEREZOVSKY_KEY, ogrn: '1029811021833', inn: '9811021833',
    shortName: 'МКОУ «Ключевская НШ – ДС»',
    fullName: 'Муниципальное казённое общеобразовательное учреждение «Ключевская начальная школа – детский сад»',
    address: '646868, Заречная область, Берёзовский район, д. Ключи, ул. Заречная, д. 3',
    settlement: 'д. Ключи', locality: 'rural', distanceToCentreKm: 138, pupilCount: 12,
  },
];

export const DEMO_SCHOOLS: readonly DemoSchool[] = [...SVETLOGORSK_SCHOOLS, ...BEREZOVSKY_SCHOOLS];
