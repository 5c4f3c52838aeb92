// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { findArticleRoots } from '../../src/content/article-root.js';

const para = (words: string) => `<p>${words} ${'and more text of the article body. '.repeat(3)}</p>`;

function rootsOf(html: string): string[] {
  document.body.innerHTML = html;
  return findArticleRoots(document).map((el) => el.id || el.tagName.toLowerCase());
}

describe('findArticleRoots', () => {
  it('prefers schema.org articleBody, adding the headline outside it', () => {
    expect(rootsOf(`<h1 id="h">Headline</h1><div id="x"><div itemprop="articleBody" id="body">${para('a')}${para('b')}</div></div><aside>${para('c')}</aside>`)).toEqual(['h', 'body']);
  });

  it('picks the article with the most paragraph text among teasers', () => {
    expect(rootsOf(`<article id="teaser">${para('t')}</article><article id="real"><h1>H</h1>${para('a')}${para('b')}${para('c')}</article>`)).toEqual(['real']);
  });

  it('falls back to main, then to the densest block of paragraphs, then to the body', () => {
    expect(rootsOf(`<nav>menu</nav><main id="m">${para('a')}${para('b')}</main>`)).toEqual(['m']);
    expect(rootsOf(`<div id="nav"><p>short</p></div><div id="story">${para('a')}${para('b')}${para('c')}</div>`)).toEqual(['story']);
    expect(rootsOf('<div><p>Just a line.</p></div>')).toEqual(['body']);
  });

  it('passes over a lone candidate with too little paragraph text, and takes one with enough', () => {
    // A lone <article> that is a teaser (one short paragraph) is not the article.
    expect(rootsOf(`<article id="teaser"><p>A teaser of forty-odd characters, no more.</p></article><div id="story">${para('a')}${para('b')}${para('c')}</div>`)).toEqual(['story']);
    // Just over the threshold is enough for a lone candidate; the count of it stops there.
    expect(rootsOf(`<article id="only">${para('a')}${para('b')}</article><div id="other">${para('x')}${para('y')}${para('z')}${para('w')}</div>`)).toEqual(['only']);
  });
});
