import { strict as assert } from 'node:assert';
import { cleanAuthor } from '../../src/core/sources/documentMetadata';
import { readHtmlPage } from '../../src/core/sources/htmlPage';
import type { ReadableText } from '../../src/core/sources/readableText';

/**
 * What a saved news page says about itself, as Briefing reads it: the
 * headline it prints, the day its dateline shows, the people its byline
 * names, and the story without the header, captions and promotions around
 * it. The pages are written for these tests in the shapes news sites use.
 */

const STORY = [
  'Negotiators from both countries met in the capital on Tuesday to discuss reopening the grain corridor, which carried 32.9 million tonnes of food before it closed.',
  'Officials said the talks would focus on insurance for ships and on inspections at the straits, two questions that stalled the last round in the spring of that year.',
  'Underwriters said war-risk premiums had fallen by a third since the corridor was first proposed, and that shipowners were ready to sail again and carry grain.',
].map((text) => `<p>${text}</p>`).join('\n');

interface PageParts {
  readonly head?: string;
  /** What sits above the story inside the article: headline, byline, dateline. */
  readonly header?: string;
  readonly beforeArticle?: string;
  readonly story?: string;
  readonly lang?: string;
}

function page({ head = '', header = '', beforeArticle = '', story = STORY, lang = 'en-US' }: PageParts): string {
  return `<!doctype html><html lang="${lang}"><head><meta charset="utf-8">${head}</head><body>
<header class="site-header"><a href="/" class="logo">The Daily Courier</a><nav><ul><li><a href="/world">World</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main>${beforeArticle}<article>${header}${story}</article></main>
<footer><p>© The Daily Courier</p></footer></body></html>`;
}

function read(html: string): ReadableText {
  const result = readHtmlPage(html);
  assert.ok(!('reason' in result), `the page was read: ${JSON.stringify(result)}`);
  return result;
}

describe('what a web page says about itself', () => {
  describe('title', () => {
    it('is the headline printed above the story when the page’s social title rewrites it', () => {
      const { metadata } = read(
        page({
          head: `<title>Grain deal near after insurers relent - The Daily Courier</title>
<meta property="og:title" content="Insurers relent as grain deal nears">
<meta property="og:site_name" content="The Daily Courier">`,
          header: '<h1>‘We had some issues,’ insurers say as grain deal nears</h1>',
        }),
      );
      assert.equal(metadata.title, '‘We had some issues,’ insurers say as grain deal nears');
    });

    it('is never the site’s name set as the h1, nor a heading in another story', () => {
      const { metadata } = read(
        page({
          head: `<title>Grain corridor talks resume | The Daily Courier</title><meta property="og:site_name" content="The Daily Courier">`,
          beforeArticle: '<h1>The Daily Courier</h1>',
          header: '<h2>Grain corridor talks resume</h2>',
        }),
      );
      assert.equal(metadata.title, 'Grain corridor talks resume');
    });

    it('may begin with a word that is a menu item on its own ("Home Depot…"), but is never "Home" or "Skip to content"', () => {
      const titled = read(page({ head: '<title>Home Depot shares fall after sales miss</title>', header: '<h1>Home Depot shares fall after sales miss</h1>' }));
      assert.equal(titled.metadata.title, 'Home Depot shares fall after sales miss');
      const menuOnly = read(page({ head: '<title>Home</title>', header: '<h1>Skip to content</h1>' }));
      assert.equal(menuOnly.metadata.title, undefined);
    });

    it('reads a meta tag whose property lists several names', () => {
      const { metadata } = read(
        page({
          head: '<meta property="og:title twitter:title" content="Talks resume on the grain corridor"><meta property="og:site_name" content="The Daily Courier">',
          header: '<h1>Talks resume on the grain corridor</h1>',
        }),
      );
      assert.equal(metadata.title, 'Talks resume on the grain corridor');
      const listed = read(page({ head: '<meta property="og:site_name publisher" content="The Daily Courier"><meta property="dc:title og:title" content="Talks resume in the capital">' }));
      assert.equal(listed.metadata.outlet, 'The Daily Courier');
      assert.equal(listed.metadata.title, 'Talks resume in the capital');
    });
  });

  describe('date', () => {
    it('is the day the dateline prints when the metadata’s UTC timestamp is already the next day', () => {
      const { metadata } = read(
        page({
          head: '<meta property="article:published_time" content="2019-11-20T02:15:49Z">',
          header: '<h1>Talks resume</h1><p class="dateline">Published 9:15 PM EST Nov 19, 2019</p>',
        }),
      );
      assert.deepEqual(metadata.published, { iso: '2019-11-19', source: "the page's dateline" });
    });

    it('trusts a timestamp given in the writer’s own zone, and the same moment stated that way elsewhere', () => {
      const own = read(page({ head: '<meta property="article:published_time" content="2019-11-19T21:15:00-05:00">', header: '<h1>Talks resume</h1>' }));
      assert.equal(own.metadata.published?.iso, '2019-11-19');
      const both = read(
        page({
          head: `<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume","dateCreated":"2017-02-24T01:18:13Z"}</script>
<meta property="article:published_time" content="2017-02-23T17:18:13-08:00">`,
          header: '<h1>Talks resume</h1>',
        }),
      );
      assert.equal(both.metadata.published?.iso, '2017-02-23');
    });

    it('comes from the printed dateline when the metadata has none, read in the page’s language, never from "2 days ago"', () => {
      const english = read(page({ header: '<h1>Talks resume</h1><div class="byline">By Ana Petrova on Monday, November 18th, 2019 at 11:08 a.m.</div>' }));
      assert.equal(english.metadata.published?.iso, '2019-11-18');
      const portuguese = read(page({ lang: '', head: '<meta http-equiv="content-language" content="pt_BR">', header: '<h1>Negociações retomadas</h1><p>05/10/2018 - Publicado por: Clara Borba</p>' }));
      assert.equal(portuguese.metadata.published?.iso, '2018-10-05');
      const relative = read(page({ header: '<h1>Talks resume</h1><p>Published 2 days ago</p>' }));
      assert.equal(relative.metadata.published, undefined);
    });

    it('reads the metadata names pages use for it (article:published, pdate, a *-post-date tag), never a modified date', () => {
      assert.equal(read(page({ head: '<meta property="article:published" content="2019-11-19T11:00:09.000Z">' })).metadata.published?.iso, '2019-11-19');
      assert.equal(read(page({ head: '<meta name="pdate" content="20191119">' })).metadata.published?.iso, '2019-11-19');
      assert.equal(read(page({ head: '<meta name="sn-post-date" content="2019/11/19">' })).metadata.published?.iso, '2019-11-19');
      assert.equal(read(page({ head: '<meta name="post-modified-date" content="2019/11/21">' })).metadata.published, undefined);
    });
  });

  describe('author', () => {
    it('is the people a byline names, without job titles, agencies, dates or handles', () => {
      assert.equal(cleanAuthor('By STEVE PEOPLES, AP National Political Writer'), 'Steve Peoples');
      assert.equal(cleanAuthor('DANICA KIRKA and JILL LAWLESSAssociated Press'), 'Danica Kirka and Jill Lawless');
      assert.equal(cleanAuthor('Analysis by Chris Cillizza, CNN Editor-at-large'), 'Chris Cillizza');
      assert.equal(cleanAuthor('By\nMeg JamesStaff Writer\nNov. 19, 2019\n5:50 PM'), 'Meg James');
      assert.equal(cleanAuthor('Carrie ArnoldNovember 15, 2019'), 'Carrie Arnold');
      assert.equal(cleanAuthor('Chaim Gartenberg@cgartenberg'), 'Chaim Gartenberg');
      assert.equal(cleanAuthor('By Matthew Digby , Minh Do on Monday, November 18th, 2019'), 'Matthew Digby, Minh Do');
      assert.equal(cleanAuthor('Stefan Becket, Kathryn Watson, Grace Segers'), 'Stefan Becket, Kathryn Watson, Grace Segers');
      assert.equal(cleanAuthor('Troy L. Smith, Cleveland.com', 'Cleveland.com'), 'Troy L. Smith');
      assert.equal(cleanAuthor('By David McCoy'), 'David McCoy');
    });

    it('is not a user name: a page whose JSON-LD creator is "CC7567" takes the byline it prints', () => {
      assert.equal(cleanAuthor('CC7567'), undefined);
      assert.equal(cleanAuthor('jdoe_42'), undefined);
      assert.equal(cleanAuthor('Lucas Nolan22 Dec 2016'), 'Lucas Nolan');
      const head = '<script type="application/ld+json">{"@type":"NewsArticle","headline":"Talks resume","creator":"CC7567"}</script>';
      const { metadata } = read(page({ head, header: '<h1>Talks resume</h1><p>By Ana Petrova</p>' }));
      assert.equal(metadata.author, 'Ana Petrova');
    });

    it('comes from a "By …" line under the headline when the page states it nowhere else', () => {
      const { metadata } = read(page({ header: '<h1>Talks resume</h1><p>By Mike Wuerthele and Malcolm Owen</p>' }));
      assert.equal(metadata.author, 'Mike Wuerthele and Malcolm Owen');
    });
  });
});

describe('the story without what surrounds it', () => {
  it('leaves out the header above the story: the headline again, the dek, the byline, the dateline, the page’s address', () => {
    const { blocks } = read(
      page({
        head: '<title>Talks resume on the grain corridor</title>',
        header: `<p>https://courier.example/world/talks-resume</p><h1>Talks resume on the grain corridor</h1>
<p>Negotiators meet again after a spring of stalled rounds and rising insurance costs.</p>
<p>By Ana Petrova and Li Wei</p><p>Updated 3:27 am PST, Wednesday, November 20, 2019</p>`,
      }),
    );
    assert.match(blocks[0].text, /^Negotiators from both countries met/);
    assert.equal(blocks.length, 3);
  });

  it('leaves out captions and photo credits, and short paragraphs that are all link, and keeps the story’s own links', () => {
    const story = `${STORY}
<figure><img src="a.jpg"><figcaption>Ships at anchor in the straits on Tuesday. (Photo: Port Authority)</figcaption></figure>
<p><a href="/other">OTHER STORY: PORTS REOPEN AFTER STORM</a></p>
<p>The ministry's <a href="/report">report on the harvest</a> said exports could resume within weeks if the talks succeed, and traders welcomed the news.</p>
<div class="photo-credit">Photo: Port Authority / handout</div>`;
    const { blocks } = read(page({ header: '<h1>Talks resume</h1>', story }));
    const text = blocks.map((block) => block.text).join('\n');
    for (const gone of ['Ships at anchor', 'OTHER STORY', 'Photo: Port Authority']) assert.ok(!text.includes(gone), `"${gone}" is left out`);
    assert.match(text, /report on the harvest said exports could resume/);
    assert.equal(blocks.length, 4);
  });
});
